package org.accordpay.shell.internal;

import org.accordpay.api.audit.AuditTrail;
import org.accordpay.api.audit.dto.AuditVerification;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code accord:audit-verify}: recomputes the audit hash chain and checks the signed head. Prints
 * {@code VALID} or {@code INVALID} on its first line.
 */
@Service
@Command(scope = "accord", name = "audit-verify", description = "Verifies the audit hash chain and its signed head")
public final class AuditVerifyCommand implements Action {

    @Reference
    AuditTrail trail;

    @Override
    public Object execute() {
        AuditVerification v = trail.verify();
        StringBuilder out = new StringBuilder(v.valid() ? "VALID" : "INVALID").append('\n');
        out.append("entries  : ").append(v.entries()).append('\n');
        if (!v.valid()) {
            out.append("first bad: chain position ").append(v.firstBadChainPos());
            if (v.firstBadSeq() != 0) {
                out.append(", seq ").append(v.firstBadSeq());
            }
            out.append('\n');
        }
        out.append("detail   : ").append(v.detail()).append('\n');
        System.out.print(out);
        return null;
    }
}
