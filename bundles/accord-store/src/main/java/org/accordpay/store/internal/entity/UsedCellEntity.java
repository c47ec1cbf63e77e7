package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Row of {@code used_cell}: a cell of one table generation, used once. */
@Entity
@Table(name = "used_cell")
public class UsedCellEntity {

    @EmbeddedId
    public Key key;

    /** Epoch microseconds. */
    @Column(name = "used_at", nullable = false)
    public long usedAt;

    /** The primary key: customer, table, generation, cell. */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "customer_id", length = 64, nullable = false)
        public String customerId;

        @Column(name = "table_id", length = 64, nullable = false)
        public String tableId;

        @Column(name = "generation", nullable = false)
        public int generation;

        @Column(name = "cell_address", nullable = false)
        public int cellAddress;

        public Key() {
        }

        public Key(String customerId, String tableId, int generation, int cellAddress) {
            this.customerId = customerId;
            this.tableId = tableId;
            this.generation = generation;
            this.cellAddress = cellAddress;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && generation == k.generation && cellAddress == k.cellAddress
                    && Objects.equals(customerId, k.customerId) && Objects.equals(tableId, k.tableId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(customerId, tableId, generation, cellAddress);
        }
    }
}
