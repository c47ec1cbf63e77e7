package org.accordpay.carrier.loopback;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The handsets the loopback carrier simulates: each one runs the reference handset agent, keeps its
 * state under {@code ${karaf.data}/accord/handsets/} and answers challenges by its
 * {@link HandsetPolicy}. Phone numbers are E.164. Unknown numbers give
 * {@link IllegalArgumentException}; operations the handset's state does not allow give
 * {@link IllegalStateException}.
 */
@ProviderType
public interface SimulatedHandsets {

    /**
     * Creates a new, unenrolled handset with fresh device keys and policy {@link HandsetPolicy#APPROVE}.
     *
     * @param phoneE164 its number, e.g. {@code +33612345678}
     * @param pin       the PIN it will choose at enrolment (PIN policy applies then); copied
     * @throws IllegalArgumentException malformed number, or a handset with this number exists
     */
    SimulatedHandset create(String phoneE164, char[] pin);

    /**
     * Does the whole handset side of an enrolment started by the customer registry: waits a few
     * seconds for the one-time code SMS in the inbox of the ticket's phone, confirms the phone,
     * sends the enrolment request signing the ticket's nonce, and installs the provisioning package
     * under the handset's PIN.
     *
     * @param enrolmentId the registry's enrolment id
     * @return the enrolled handset
     * @throws IllegalStateException no customer registry, no code arrived, or the handset is enrolled already
     * @throws IllegalArgumentException unknown enrolment, or no simulated handset for its phone
     * @throws org.accordpay.api.registry.RegistryException when the registry refuses a step
     */
    SimulatedHandset enrol(String enrolmentId);

    /** Changes how the handset answers from now on (a pending challenge stays pending). */
    void setPolicy(String phoneE164, HandsetPolicy policy);

    /** @return the text messages the handset received, oldest first (the last 100; not kept across restarts) */
    List<InboxMessage> inbox(String phoneE164);

    /** @return the challenge on the handset's screen waiting for an answer, if any */
    Optional<PendingChallenge> pending(String phoneE164);

    /**
     * Answers the pending challenge and sends the response to Accord through the carrier.
     *
     * @param approve     true to approve, false to decline
     * @param pinOverride the PIN to type instead of the handset's own (a wrong one is refused by Accord), or null
     * @throws IllegalStateException no challenge pending, or it expired on the handset
     */
    void answer(String phoneE164, boolean approve, char[] pinOverride);

    /** @return one handset, if simulated */
    Optional<SimulatedHandset> find(String phoneE164);

    /** @return every simulated handset, by number */
    List<SimulatedHandset> list();

    /** @return challenges shown on all handsets since the carrier started */
    long challengesSeen();

    /** @return responses sent by all handsets since the carrier started */
    long challengesAnswered();

    /**
     * Delivers a message that reached the handset through another network (a test SMSC behind an SMPP
     * connection, a gateway simulator): the handset shows it and acts by its policy as if the loopback
     * carrier had brought it, but its answer is handed back to the caller, who sends it through that
     * network, instead of going through the loopback carrier. No delivery report is sent.
     *
     * @param phoneE164 the handset's number
     * @param messageId Accord's message id (a copy with an id the handset had already is ignored)
     * @param text      the text part, or null
     * @param binary    the binary part (a challenge), or null
     * @return the handset's answer, when its policy answers at once
     * @throws IllegalArgumentException no simulated handset with this number
     */
    Optional<byte[]> receiveElsewhere(String phoneE164, String messageId, String text, byte[] binary);
}
