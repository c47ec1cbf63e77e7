package org.accordpay.audit.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.audit.dto.AuditEntry;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.AuditChainRepository;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.dto.AuditHead;
import org.accordpay.api.time.AccordClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links committed, unlinked audit entries into the hash chain (positions 1, 2, 3... in the order
 * the chainer sees them committed, by seq), then signs the new head, saving it in the same
 * transaction as the links and appending it to the head file after commit. Links are
 * compare-and-set, so a second chainer (another instance, a restart) only loses races.
 *
 * <p>It refuses to extend a chain whose last linked entry is not exactly the last signed head:
 * linked entries without a signature can only come from outside Accord.
 */
final class AuditChainer {

    private static final Logger LOG = LoggerFactory.getLogger(AuditChainer.class);

    private final AccordStore store;
    private final AccordClock clock;
    private final AuditKey key;
    private final HeadFile headFile;
    private final int batch;
    private String lastProblem;

    AuditChainer(AccordStore store, AccordClock clock, AuditKey key, HeadFile headFile, int batch) {
        this.store = store;
        this.clock = clock;
        this.key = key;
        this.headFile = headFile;
        this.batch = Math.max(1, batch);
    }

    /**
     * Links everything committed and unlinked now.
     *
     * @return how many entries were linked
     * @throws IllegalStateException when the chain's tail is not covered by the last signed head
     */
    synchronized int runOnce() {
        int linked = 0;
        while (true) {
            Batch done;
            try {
                done = store.transact(tx -> linkBatch(tx.auditChain()));
            } catch (ConcurrentUpdateException race) {
                LOG.debug("Audit chainer lost a race with another chainer: {}", race.getMessage());
                return linked;
            }
            if (done == null) {
                return linked;
            }
            linked += done.count;
            try {
                headFile.append(done.head);
            } catch (IOException e) {
                LOG.error("Audit chainer: could not append head {} to {}: {}", done.head.chainPos(), headFile.path(),
                        e.toString());
            }
            if (done.count < batch) {
                return linked;
            }
        }
    }

    /** Runs once, logging instead of throwing (for the background thread); a repeated problem is logged once. */
    void runLogged() {
        try {
            runOnce();
            lastProblem = null;
        } catch (RuntimeException e) {
            String problem = e.getMessage();
            if (!String.valueOf(problem).equals(lastProblem)) {
                LOG.error("Audit chainer stopped: {}", e.toString());
            }
            lastProblem = String.valueOf(problem);
        }
    }

    private Batch linkBatch(AuditChainRepository chain) {
        List<AuditEntry> unlinked = chain.unlinked(batch);
        if (unlinked.isEmpty()) {
            return null;
        }
        Optional<AuditEntry> last = chain.lastLinked();
        Optional<AuditHead> head = chain.lastHead();
        long pos = last.map(AuditEntry::chainPos).orElse(0L);
        String previous = last.map(AuditEntry::chainHash).orElse(ChainCodec.GENESIS);
        long headPos = head.map(AuditHead::chainPos).orElse(0L);
        String headHash = head.map(AuditHead::chainHash).orElse(ChainCodec.GENESIS);
        if (pos != headPos || !previous.equals(headHash)) {
            throw new IllegalStateException("audit chain tail (position " + pos + ") does not match the last signed"
                    + " head (position " + headPos + "): refusing to extend it; run accord:audit-verify");
        }
        for (AuditEntry e : unlinked) {
            pos++;
            previous = ChainCodec.chainHash(previous, pos, e);
            chain.link(e.seq(), pos, previous);
        }
        Instant signedAt = clock.now().truncatedTo(ChronoUnit.MICROS);
        byte[] signature = key.sign(ChainCodec.headMessage(pos, previous, signedAt));
        AuditHead signed = new AuditHead(pos, previous, signature, signedAt, key.keyId());
        chain.saveHead(signed);
        return new Batch(unlinked.size(), signed);
    }

    private record Batch(int count, AuditHead head) {
    }
}
