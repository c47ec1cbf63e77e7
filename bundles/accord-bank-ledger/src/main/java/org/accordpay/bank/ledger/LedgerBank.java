package org.accordpay.bank.ledger;

import java.util.List;
import java.util.Optional;
import org.accordpay.api.bank.BankConnector;
import org.accordpay.api.bank.dto.RefusalReason;
import org.accordpay.api.bank.dto.StatementLine;
import org.accordpay.api.money.Money;
import org.accordpay.bank.ledger.dto.LedgerAccount;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Test controls of the built-in double-entry bank, registered next to its {@link BankConnector}
 * (same service object). Used by tests, the demo data and the {@code accord:bank-*} commands.
 * Every method works on the bank's own database; none moves money without a balanced journal entry.
 */
@ProviderType
public interface LedgerBank {

    /** @return the bank connection id ({@link BankConnector#ID_PROPERTY}) */
    String id();

    /** @return the IBAN of Accord's own account at this bank */
    String accordIban();

    /**
     * Opens an account with a starting balance, funded by the bank's own equity so the books
     * stay balanced. Opening an IBAN that already exists in this currency reopens it and keeps
     * its balance (the starting balance is then ignored), so demo data can run twice.
     *
     * @param iban                IBAN (spaces ignored); must pass the ISO 13616 check digits
     * @param holder              account holder name
     * @param currency            ISO 4217 code
     * @param startingBalanceMinor starting balance in minor units, zero or more
     * @return the account as it now is
     * @throws IllegalArgumentException for an invalid IBAN, currency or negative balance
     */
    LedgerAccount openAccount(String iban, String holder, String currency, long startingBalanceMinor);

    /**
     * Closes every currency of an account: debits to it are refused {@code ACCOUNT_CLOSED},
     * credits too. The balance stays.
     *
     * @throws IllegalArgumentException when the bank holds no such account
     */
    void closeAccount(String iban);

    /** @return the account in that currency, if the bank holds it */
    Optional<LedgerAccount> account(String iban, String currency);

    /**
     * @return the balance of the account in that currency
     * @throws IllegalArgumentException when the bank holds no such account
     */
    Money balance(String iban, String currency);

    /** @return every account (customers' and Accord's), ordered by IBAN then currency */
    List<LedgerAccount> accounts();

    /**
     * Switches the bank on or off. While off, {@link BankConnector#submit} and
     * {@link BankConnector#statement} throw {@link org.accordpay.api.bank.BankException}
     * "bank unavailable"; instructions already taken are still processed.
     */
    void setAvailable(boolean available);

    /** @return false while the bank is switched off */
    boolean available();

    /**
     * Returns a settled debit: the money goes back from Accord's account to the customer's
     * (even if Accord's account becomes negative) and {@code RETURNED} is reported.
     *
     * @param idempotencyKey the debit's key
     * @param reason         why (reported to Accord); null means {@link RefusalReason#OTHER}
     * @throws IllegalArgumentException when no such instruction exists
     * @throws IllegalStateException    when it is not a settled debit
     */
    void returnDebit(String idempotencyKey, RefusalReason reason);

    /** @return the bank's current view of one instruction, empty when unknown or not yet processed */
    Optional<StatementLine> instruction(String idempotencyKey);
}
