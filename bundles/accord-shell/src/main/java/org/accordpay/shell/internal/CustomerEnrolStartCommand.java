package org.accordpay.shell.internal;

import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.EnrolmentApplication;
import org.accordpay.api.registry.dto.EnrolmentTicket;
import org.accordpay.api.registry.dto.PostalAddress;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code accord:customer-enrol-start}: starts an enrolment for a person at the counter; the
 * one-time code goes to the phone by SMS. Prints the enrolment id and the nonce the handset signs.
 */
@Service
@Command(scope = "accord", name = "customer-enrol-start",
        description = "Starts a customer enrolment (one-time code sent to the phone); prints enrolment id and nonce")
public final class CustomerEnrolStartCommand implements Action {

    @Reference
    CustomerRegistry registry;

    @Reference
    Session session;

    @Argument(index = 0, name = "phone", required = true, description = "Mobile number, E.164 or national form")
    String phone;

    @Argument(index = 1, name = "country", required = true, description = "Country of residence (ISO 3166-1 alpha-2)")
    String country;

    @Argument(index = 2, name = "iban", required = true, description = "IBAN of the account to debit")
    String iban;

    @Argument(index = 3, name = "holder", required = true, description = "Account holder name")
    String holder;

    @Option(name = "--bic", description = "BIC of the account's bank")
    String bic;

    @Option(name = "--name", required = true, description = "Delivery address: recipient")
    String name;

    @Option(name = "--street", required = true, description = "Delivery address: street (use \\n between lines)")
    String street;

    @Option(name = "--postal-code", required = true, description = "Delivery address: postal code")
    String postalCode;

    @Option(name = "--city", required = true, description = "Delivery address: city")
    String city;

    @Option(name = "--address-country", description = "Delivery address: country (default: the country of residence)")
    String addressCountry;

    @Option(name = "--password", description = "Console password (10..128 characters); asked for when absent")
    String password;

    @Option(name = "--accept-mandate", description = "The person accepted the debit mandate (required)")
    boolean mandateAccepted;

    @Override
    public Object execute() throws Exception {
        String typed = password != null ? password : session.readLine("Console password: ", '*');
        if (typed == null) {
            System.err.println("No password given");
            return null;
        }
        char[] secret = typed.toCharArray();
        EnrolmentApplication application = new EnrolmentApplication(phone, country, new BankAccount(iban, bic, holder),
                mandateAccepted, new PostalAddress(name, street.replace("\\n", "\n"), postalCode, city,
                        addressCountry == null ? country : addressCountry), secret);
        try {
            EnrolmentTicket ticket = registry.startEnrolment(application);
            System.out.println("enrolment  : " + ticket.enrolmentId());
            System.out.println("customer   : " + ticket.customerId());
            System.out.println("phone      : " + ticket.phoneE164() + " (one-time code sent by SMS)");
            System.out.println("nonce      : " + hex(ticket.enrolmentNonce()));
            System.out.println("expires    : " + ticket.expiresAt());
        } catch (RegistryException e) {
            RegistryRefusals.print(e);
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
        return null;
    }

    private static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder(bytes.length * 2);
        for (byte x : bytes) {
            b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return b.toString();
    }
}
