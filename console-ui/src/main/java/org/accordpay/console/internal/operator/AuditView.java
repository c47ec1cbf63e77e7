package org.accordpay.console.internal.operator;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.accordpay.api.audit.AuditTrail;
import org.accordpay.api.audit.dto.AuditVerification;
import org.accordpay.api.operator.OperatorAccounts;

/** Verification of the audit hash chain and its signed head, as {@code accord:audit-verify}; open to viewers. */
@Route("audit")
@PageTitle("Accord operator – audit trail")
public final class AuditView extends OperatorPage {

    private static final long serialVersionUID = 1L;

    private final transient AuditTrail audit;
    private final transient OperatorAccounts accounts;
    private final Span verdict = new Span();
    private final Span detail = new Span();

    AuditView(AuditTrail audit, OperatorAccounts accounts) {
        super("Audit trail", "audit-view");
        this.audit = audit;
        this.accounts = accounts;
        verdict.setId("audit-verdict");
        detail.setId("audit-detail");
        Button verify = new Button("Verify the chain", e -> verify());
        verify.setId("audit-verify");
        add(new Paragraph("Recomputes every link of the hash chain and checks the signed head."), verify, verdict,
                detail);
    }

    @Override
    void entered(OperatorSession operator) {
        // nothing to load: verification runs on demand
    }

    private void verify() {
        OperatorSession operator = operator();
        AuditVerification v = audit.verify();
        accounts.record(operator.login(), "audit-verified", "audit-chain", v.valid() ? "VALID" : "INVALID");
        verdict.setText((v.valid() ? "VALID" : "INVALID") + ": " + v.entries() + " entries checked");
        detail.setText(v.valid() ? v.detail() : "first bad: chain position " + v.firstBadChainPos()
                + (v.firstBadSeq() != 0 ? ", seq " + v.firstBadSeq() : "") + " – " + v.detail());
    }
}
