package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Row of {@code sms_attempt}: one hand-over of an outbox SMS to a carrier and its delivery report. */
@Entity
@Table(name = "sms_attempt")
public class SmsAttemptEntity {

    @EmbeddedId
    public Key key;

    @Column(name = "carrier_id", length = 64, nullable = false)
    public String carrierId;

    @Column(name = "to_e164", length = 20, nullable = false)
    public String toE164;

    /** Epoch microseconds. */
    @Column(name = "sent_at", nullable = false)
    public long sentAt;

    /** Epoch microseconds, null until a report arrived. */
    @Column(name = "reported_at")
    public Long reportedAt;

    @Column(name = "delivered")
    public Boolean delivered;

    @Column(name = "detail", length = 255)
    public String detail;

    /** The primary key: outbox row and attempt number. */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "message_id", length = 64, nullable = false)
        public String messageId;

        @Column(name = "attempt_no", nullable = false)
        public int attemptNo;

        public Key() {
        }

        public Key(String messageId, int attemptNo) {
            this.messageId = messageId;
            this.attemptNo = attemptNo;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && attemptNo == k.attemptNo && Objects.equals(messageId, k.messageId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(messageId, attemptNo);
        }
    }
}
