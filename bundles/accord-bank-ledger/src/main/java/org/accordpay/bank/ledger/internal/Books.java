package org.accordpay.bank.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the bank's books, each method working inside the caller's transaction: accounts,
 * journal entries with their legs, instructions, and the notification outbox.
 */
final class Books {

    static final String KIND_CUSTOMER = "customer";
    static final String KIND_ACCORD = "accord";
    static final String KIND_EQUITY = "equity";
    static final String OPEN = "open";
    static final String CLOSED = "closed";
    /** Taken, not yet processed; not a {@link org.accordpay.api.bank.dto.BankStatus}. */
    static final String RECEIVED = "RECEIVED";
    /** The bank's own capital: the other side of every starting balance. */
    static final String EQUITY_IBAN = "LEDGER-EQUITY";

    private Books() {
    }

    /** An account row. */
    record AccountRow(String iban, String currency, String holder, String kind, String status, long balance) {
        boolean open() {
            return OPEN.equals(status);
        }
    }

    /** An instruction row. */
    record InstructionRow(String key, long seq, String operation, String counterpartyIban, String counterpartyHolder,
            long amount, String currency, String remittance, String status, String reason, Instant submittedAt,
            Instant changedAt, Instant dueAt) {
    }

    /** A notification waiting in the outbox. */
    record NotificationRow(long seq, String key, String status, String reason, Instant changedAt) {
    }

    /** One leg of a journal entry: signed amount on one account. */
    record Leg(String iban, String currency, long amount) {
    }

    // ---------------------------------------------------------------- counters

    static Void createCounter(Connection c, String name) throws SQLException {
        if (one(c, "SELECT next_value FROM bank_counter WHERE name = ?", name) == null) {
            update(c, "INSERT INTO bank_counter (name, next_value) VALUES (?, 0)", name);
        }
        return null;
    }

    /** @return the next value of a counter; the counter row stays locked until commit, so values follow commit order */
    static long next(Connection c, String name) throws SQLException {
        if (update(c, "UPDATE bank_counter SET next_value = next_value + 1 WHERE name = ?", name) != 1) {
            throw new SQLException("counter missing: " + name);
        }
        return one(c, "SELECT next_value FROM bank_counter WHERE name = ?", name);
    }

    // ---------------------------------------------------------------- accounts

    static Optional<AccountRow> account(Connection c, String iban, String currency, boolean forUpdate)
            throws SQLException {
        String sql = "SELECT iban, currency, holder, kind, status, balance FROM bank_account"
                + " WHERE iban = ? AND currency = ?" + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, iban);
            ps.setString(2, currency);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(account(rs)) : Optional.empty();
            }
        }
    }

    /** Locks the accounts in a fixed order (IBAN, currency) so two movements never deadlock. */
    static void lockInOrder(Connection c, List<Leg> accounts) throws SQLException {
        List<Leg> sorted = new ArrayList<>(accounts);
        sorted.sort((a, b) -> a.iban().equals(b.iban()) ? a.currency().compareTo(b.currency())
                : a.iban().compareTo(b.iban()));
        for (Leg l : sorted) {
            account(c, l.iban(), l.currency(), true);
        }
    }

    static boolean anyCurrency(Connection c, String iban) throws SQLException {
        return one(c, "SELECT COUNT(*) FROM bank_account WHERE iban = ?", iban) > 0;
    }

    static void insertAccount(Connection c, String iban, String currency, String holder, String kind, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bank_account (iban, currency, holder, kind, status,"
                + " balance, opened_at) VALUES (?, ?, ?, ?, ?, 0, ?)")) {
            ps.setString(1, iban);
            ps.setString(2, currency);
            ps.setString(3, holder);
            ps.setString(4, kind);
            ps.setString(5, OPEN);
            setInstant(ps, 6, at);
            ps.executeUpdate();
        }
    }

    /** Creates the account with a zero balance unless it exists. */
    static void ensureAccount(Connection c, String iban, String currency, String holder, String kind, Instant at)
            throws SQLException {
        if (account(c, iban, currency, false).isEmpty()) {
            insertAccount(c, iban, currency, holder, kind, at);
        }
    }

    static int setStatus(Connection c, String iban, String status) throws SQLException {
        return update(c, "UPDATE bank_account SET status = ? WHERE iban = ? AND kind <> ?", status, iban, KIND_EQUITY);
    }

    static void reopen(Connection c, String iban, String currency, String holder) throws SQLException {
        update(c, "UPDATE bank_account SET status = ?, holder = ? WHERE iban = ? AND currency = ?", OPEN, holder, iban,
                currency);
    }

    static List<AccountRow> accounts(Connection c, String iban) throws SQLException {
        String sql = "SELECT iban, currency, holder, kind, status, balance FROM bank_account WHERE kind <> ?"
                + (iban == null ? "" : " AND iban = ?") + " ORDER BY iban, currency";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, KIND_EQUITY);
            if (iban != null) {
                ps.setString(2, iban);
            }
            List<AccountRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(account(rs));
                }
            }
            return out;
        }
    }

    private static AccountRow account(ResultSet rs) throws SQLException {
        return new AccountRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6));
    }

    // ---------------------------------------------------------------- journal

    /**
     * Books one journal entry: its legs must sum to zero per currency; every leg's account must
     * exist (and be locked by the caller). Updates the balances.
     */
    static long post(Connection c, String kind, String idempotencyKey, Instant at, List<Leg> legs)
            throws SQLException {
        java.util.Map<String, Long> sums = new java.util.HashMap<>();
        for (Leg l : legs) {
            sums.merge(l.currency(), l.amount(), Math::addExact);
        }
        if (sums.values().stream().anyMatch(s -> s != 0)) {
            throw new IllegalArgumentException("journal entry does not balance: " + legs);
        }
        long id = next(c, "entry");
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO bank_entry (id, kind, idempotency_key, booked_at) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, kind);
            ps.setString(3, idempotencyKey);
            setInstant(ps, 4, at);
            ps.executeUpdate();
        }
        try (PreparedStatement leg = c.prepareStatement(
                "INSERT INTO bank_leg (entry_id, leg_no, iban, currency, amount) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement balance = c.prepareStatement(
                        "UPDATE bank_account SET balance = balance + ? WHERE iban = ? AND currency = ?")) {
            int n = 0;
            for (Leg l : legs) {
                leg.setLong(1, id);
                leg.setInt(2, ++n);
                leg.setString(3, l.iban());
                leg.setString(4, l.currency());
                leg.setLong(5, l.amount());
                leg.executeUpdate();
                balance.setLong(1, l.amount());
                balance.setString(2, l.iban());
                balance.setString(3, l.currency());
                if (balance.executeUpdate() != 1) {
                    throw new SQLException("no account " + l.iban() + " " + l.currency());
                }
            }
        }
        return id;
    }

    /** @return the sum of every leg ever booked (zero when the books balance) */
    static long sumOfLegs(Connection c) throws SQLException {
        return one(c, "SELECT COALESCE(SUM(amount), 0) FROM bank_leg");
    }

    /** @return the sum of every balance, the bank's equity included (zero when the books balance) */
    static long sumOfBalances(Connection c) throws SQLException {
        return one(c, "SELECT COALESCE(SUM(balance), 0) FROM bank_account");
    }

    /** @return entries whose legs do not sum to zero (none when the books balance) */
    static long unbalancedEntries(Connection c) throws SQLException {
        return one(c, "SELECT COUNT(*) FROM (SELECT entry_id FROM bank_leg GROUP BY entry_id, currency"
                + " HAVING SUM(amount) <> 0) t");
    }

    /** @return accounts whose balance differs from the sum of their legs */
    static long balancesNotMatchingLegs(Connection c) throws SQLException {
        return one(c, "SELECT COUNT(*) FROM bank_account a WHERE a.balance <> (SELECT COALESCE(SUM(l.amount), 0)"
                + " FROM bank_leg l WHERE l.iban = a.iban AND l.currency = a.currency)");
    }

    // ---------------------------------------------------------------- instructions

    static Optional<InstructionRow> instruction(Connection c, String key, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSTRUCTION_COLUMNS + " WHERE idempotency_key = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(instruction(rs)) : Optional.empty();
            }
        }
    }

    static void insertInstruction(Connection c, InstructionRow i) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bank_instruction (idempotency_key, seq, operation,"
                + " counterparty_iban, counterparty_holder, amount, currency, remittance, status, reason, submitted_at,"
                + " changed_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, i.key());
            ps.setLong(2, i.seq());
            ps.setString(3, i.operation());
            ps.setString(4, i.counterpartyIban());
            ps.setString(5, i.counterpartyHolder());
            ps.setLong(6, i.amount());
            ps.setString(7, i.currency());
            ps.setString(8, i.remittance());
            ps.setString(9, i.status());
            ps.setString(10, i.reason());
            setInstant(ps, 11, i.submittedAt());
            setInstant(ps, 12, i.changedAt());
            setInstant(ps, 13, i.dueAt());
            ps.executeUpdate();
        }
    }

    static void updateInstruction(Connection c, String key, String status, String reason, Instant at, Instant dueAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE bank_instruction SET status = ?, reason = ?,"
                + " changed_at = ?, due_at = ? WHERE idempotency_key = ?")) {
            ps.setString(1, status);
            ps.setString(2, reason);
            setInstant(ps, 3, at);
            setInstant(ps, 4, dueAt);
            ps.setString(5, key);
            ps.executeUpdate();
        }
    }

    /** @return keys of instructions to work on now: taken ones, and accepted ones whose settlement is due */
    static List<String> workDue(Connection c, Instant now, int limit) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT idempotency_key FROM bank_instruction"
                + " WHERE status = ? OR (status = 'ACCEPTED' AND due_at <= ?) ORDER BY seq")) {
            ps.setString(1, RECEIVED);
            setInstant(ps, 2, now);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < limit) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** @return every instruction the bank has processed, oldest first */
    static List<InstructionRow> processed(Connection c) throws SQLException {
        List<InstructionRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(INSTRUCTION_COLUMNS + " WHERE status <> ? ORDER BY seq")) {
            ps.setString(1, RECEIVED);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(instruction(rs));
                }
            }
        }
        return out;
    }

    private static final String INSTRUCTION_COLUMNS = "SELECT idempotency_key, seq, operation, counterparty_iban,"
            + " counterparty_holder, amount, currency, remittance, status, reason, submitted_at, changed_at, due_at"
            + " FROM bank_instruction";

    private static InstructionRow instruction(ResultSet rs) throws SQLException {
        return new InstructionRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), instant(rs, 11),
                instant(rs, 12), instant(rs, 13));
    }

    // ---------------------------------------------------------------- notification outbox

    static void notify(Connection c, String key, String status, String reason, Instant at) throws SQLException {
        long seq = next(c, "notification");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bank_notification (seq, idempotency_key, status,"
                + " reason, changed_at, reported) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setString(2, key);
            ps.setString(3, status);
            ps.setString(4, reason);
            setInstant(ps, 5, at);
            ps.setBoolean(6, false);
            ps.executeUpdate();
        }
    }

    static List<NotificationRow> unreported(Connection c, int limit) throws SQLException {
        List<NotificationRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, idempotency_key, status, reason, changed_at"
                + " FROM bank_notification WHERE reported = ? ORDER BY seq")) {
            ps.setBoolean(1, false);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < limit) {
                    out.add(new NotificationRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs, 5)));
                }
            }
        }
        return out;
    }

    static void markReported(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE bank_notification SET reported = ? WHERE seq = ?")) {
            ps.setBoolean(1, true);
            ps.setLong(2, seq);
            ps.executeUpdate();
        }
    }

    static long unreportedCount(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM bank_notification WHERE reported = ?")) {
            ps.setBoolean(1, false);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setObject(index, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        }
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        LocalDateTime t = rs.getObject(index, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static Long one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }
}
