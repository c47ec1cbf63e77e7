package org.accordpay.api.bank;

import org.accordpay.api.bank.dto.BankStatusUpdate;

/** Where bank connectors report outcomes. Implemented by Accord; repeated updates are harmless. */
@org.osgi.annotation.versioning.ProviderType
public interface BankEvents {

    /** A bank reports the status of an instruction. */
    void statusChanged(BankStatusUpdate update);
}
