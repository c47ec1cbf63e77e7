package org.accordpay.carrier.loopback.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.accordpay.api.carrier.CarrierConnector;
import org.accordpay.api.carrier.CarrierException;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.accordpay.api.challenge.dto.Provisioning;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.Customer;
import org.accordpay.api.registry.dto.EnrolmentApplication;
import org.accordpay.api.registry.dto.EnrolmentState;
import org.accordpay.api.registry.dto.EnrolmentTicket;

/**
 * The enrolment flow of a customer registry, no more: {@link #start} sends a one-time code by SMS
 * through a carrier, and completion hands the enrolment request to {@code enrol} (the challenge engine).
 */
final class FakeRegistry implements CustomerRegistry {

    private final CarrierConnector carrier;
    private final BiFunction<String, byte[], Provisioning> enrol;
    private final Map<String, EnrolmentTicket> tickets = new ConcurrentHashMap<>();
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    FakeRegistry(CarrierConnector carrier, BiFunction<String, byte[], Provisioning> enrol) {
        this.carrier = carrier;
        this.enrol = enrol;
    }

    /** What startEnrolment does after validating the application. */
    EnrolmentTicket start(String phone) throws CarrierException {
        int n = ids.incrementAndGet();
        EnrolmentTicket t = new EnrolmentTicket("enr_" + n, "cus_" + n, phone,
                new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, (byte) n}, EnrolmentState.CODE_SENT, null);
        tickets.put(t.enrolmentId(), t);
        String code = String.valueOf(480_000 + n * 7);
        codes.put(t.enrolmentId(), code);
        carrier.send(new OutboundSms("otp-" + n, phone,
                "Accord: your enrolment code is " + code + ". It is valid 10 minutes. Never give it to anyone.", null, 0));
        return t;
    }

    @Override
    public EnrolmentTicket startEnrolment(EnrolmentApplication application) {
        throw new UnsupportedOperationException();
    }

    @Override
    public EnrolmentTicket confirmPhone(String enrolmentId, String oneTimeCode) {
        EnrolmentTicket t = ticket(enrolmentId);
        if (!codes.get(enrolmentId).equals(oneTimeCode)) {
            throw new RegistryException(RegistryException.WRONG_CODE, "wrong code");
        }
        return put(t, EnrolmentState.PHONE_CONFIRMED);
    }

    @Override
    public Provisioning completeEnrolment(String enrolmentId, byte[] enrolmentRequest) {
        EnrolmentTicket t = ticket(enrolmentId);
        if (t.state() != EnrolmentState.PHONE_CONFIRMED) {
            throw new RegistryException(RegistryException.OUT_OF_ORDER, "phone not confirmed");
        }
        Provisioning p = enrol.apply(t.customerId(), enrolmentRequest);
        put(t, EnrolmentState.COMPLETED);
        return p;
    }

    private EnrolmentTicket ticket(String enrolmentId) {
        EnrolmentTicket t = tickets.get(enrolmentId);
        if (t == null) {
            throw new RegistryException(RegistryException.UNKNOWN_ENROLMENT, "unknown enrolment");
        }
        return t;
    }

    private EnrolmentTicket put(EnrolmentTicket t, EnrolmentState state) {
        EnrolmentTicket next = new EnrolmentTicket(t.enrolmentId(), t.customerId(), t.phoneE164(), t.enrolmentNonce(),
                state, t.expiresAt());
        tickets.put(t.enrolmentId(), next);
        return next;
    }

    @Override
    public Optional<EnrolmentTicket> enrolment(String enrolmentId) {
        return Optional.ofNullable(tickets.get(enrolmentId));
    }

    @Override
    public Optional<Customer> find(String customerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Customer> resolve(CustomerIdentifier identifier) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Customer> list(String afterId, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Customer> authenticate(CustomerIdentifier identifier, char[] password) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Customer unlock(String customerId, String operator, String reason) {
        throw new UnsupportedOperationException();
    }
}
