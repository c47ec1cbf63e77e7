package org.accordpay.store.internal.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** Row of {@code ledger_posting} with its legs; the primary key makes a posting unique. */
@Entity
@Table(name = "ledger_posting")
public class LedgerPostingEntity {

    @Id
    @Column(name = "id", length = 64)
    public String id;

    @Column(name = "at", nullable = false)
    public long at;

    @Column(name = "purchase_id", length = 64)
    public String purchaseId;

    @Column(name = "description", length = 255, nullable = false)
    public String description;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "ledger_leg", joinColumns = @JoinColumn(name = "posting_id"))
    @OrderColumn(name = "leg_no")
    public List<LedgerLegLine> legs = new ArrayList<>();
}
