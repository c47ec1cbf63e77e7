package org.accordpay.audit.internal;

import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accordpay.api.audit.AuditTrail;
import org.accordpay.api.audit.dto.AuditEntry;
import org.accordpay.api.audit.dto.AuditVerification;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.dto.AuditHead;

/**
 * Reads the trace and verifies it: recomputes every chain hash by chain position, in pages, up to
 * the last signed head, and reports the first position that fails (missing, altered or out of
 * order); then checks the head's signature, that it matches the recomputed chain, that no linked
 * entry lies beyond it, and that the head file's last line agrees.
 */
final class AuditTrailImpl implements AuditTrail {

    private final AccordStore store;
    private final AuditKey key;
    private final HeadFile headFile;
    private final int pageSize;

    AuditTrailImpl(AccordStore store, AuditKey key, HeadFile headFile, int pageSize) {
        this.store = store;
        this.key = key;
        this.headFile = headFile;
        this.pageSize = Math.max(1, pageSize);
    }

    @Override
    public List<AuditEntry> forPurchase(String purchaseId) {
        Objects.requireNonNull(purchaseId, "purchase id");
        return store.transact(tx -> tx.auditChain().forPurchase(purchaseId));
    }

    @Override
    public AuditVerification verify() {
        Optional<AuditHead> head = store.transact(tx -> tx.auditChain().lastHead());
        long headPos = head.map(AuditHead::chainPos).orElse(0L);
        Optional<AuditHead> fileHead;
        try {
            fileHead = headFile.last();
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            return bad(0, 0, 0, "head file " + headFile.path() + " unreadable: " + e.getMessage());
        }
        long filePos = fileHead.map(AuditHead::chainPos).orElse(-1L);
        String fileHashAtPos = null;

        String previous = ChainCodec.GENESIS;
        long expected = 1;
        long lastSeq = 0;
        walk:
        while (expected <= headPos) {
            long from = expected;
            List<AuditEntry> page = store.transact(tx -> tx.auditChain().linkedFrom(from, pageSize));
            if (page.isEmpty()) {
                return bad(expected - 1, expected, 0, "chain position " + expected + " is missing: the chain ends at "
                        + (expected - 1) + " but the signed head covers " + headPos + " (entries deleted?)");
            }
            for (AuditEntry e : page) {
                if (e.chainPos() > headPos) {
                    break walk;
                }
                if (e.chainPos() != expected) {
                    return bad(expected - 1, expected, e.seq(), "chain position " + expected
                            + " is missing (entry deleted?): the next entry, seq " + e.seq() + ", is at position "
                            + e.chainPos());
                }
                String hash = ChainCodec.chainHash(previous, expected, e);
                if (!hash.equals(e.chainHash())) {
                    return bad(expected - 1, expected, e.seq(), "entry seq " + e.seq() + " at chain position "
                            + expected + " does not match its chain hash (altered, reordered, or the entry before"
                            + " it removed)");
                }
                if (expected == filePos) {
                    fileHashAtPos = hash;
                }
                previous = hash;
                lastSeq = e.seq();
                expected++;
            }
        }
        long checked = expected - 1;

        if (head.isPresent()) {
            String problem = headProblem(head.get(), "signed head in the database");
            if (problem != null) {
                return bad(checked, headPos, lastSeq, problem);
            }
            if (!head.get().chainHash().equals(previous)) {
                return bad(checked, headPos, lastSeq, "the recomputed chain at position " + headPos
                        + " differs from the signed head (entries rewritten before it)");
            }
        }

        long[] tail = store.transact(tx -> new long[] {
                tx.auditChain().lastLinked().map(AuditEntry::chainPos).orElse(0L),
                tx.auditChain().lastHead().map(AuditHead::chainPos).orElse(0L)});
        if (tail[0] > tail[1]) {
            return bad(checked, tail[1] + 1, 0, (tail[0] - tail[1]) + " linked entries after the last signed head"
                    + " (position " + tail[1] + "): not linked by Accord's chainer");
        }
        if (tail[0] < tail[1]) {
            return bad(checked, tail[0] + 1, 0, "chain ends at position " + tail[0]
                    + " but the signed head covers " + tail[1] + " (entries deleted?)");
        }

        String fileNote = "no head file";
        if (fileHead.isPresent()) {
            AuditHead line = fileHead.get();
            String problem = headProblem(line, "last line of the head file");
            if (problem != null) {
                return bad(checked, line.chainPos(), 0, problem);
            }
            if (line.chainPos() <= headPos) {
                if (!line.chainHash().equals(fileHashAtPos)) {
                    return bad(checked, line.chainPos(), 0, "the head file's last line (position " + line.chainPos()
                            + ") does not match the recomputed chain");
                }
            } else if (tail[1] < line.chainPos()) {
                return bad(checked, tail[1] + 1, 0, "the head file records a signed head at position "
                        + line.chainPos() + " but the database's last signed head is at " + tail[1]
                        + " (database rolled back or entries deleted)");
            }
            fileNote = "head file agrees (position " + line.chainPos() + ")";
        }
        String summary = head.map(h -> checked + " entries verified; head at position " + h.chainPos() + " signed at "
                + h.signedAt() + " by key " + h.keyId()).orElse("no signed head yet; " + checked + " entries");
        return new AuditVerification(true, checked, 0, 0, summary + "; " + fileNote);
    }

    private String headProblem(AuditHead h, String what) {
        if (!h.keyId().equals(key.keyId())) {
            return what + " (position " + h.chainPos() + ") is signed by key " + h.keyId() + ", not by "
                    + key.keyId();
        }
        if (!key.verify(ChainCodec.headMessage(h.chainPos(), h.chainHash(), h.signedAt()), h.signature())) {
            return "the signature of the " + what + " (position " + h.chainPos() + ") does not verify";
        }
        return null;
    }

    private static AuditVerification bad(long checked, long chainPos, long seq, String detail) {
        return new AuditVerification(false, checked, chainPos, seq, detail);
    }
}
