package com.seriescare.intake.patientform;

import com.seriescare.servicesupport.throttle.Throttle;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The patient forms are public pages whose only credential is the link: guesses at links are counted per address
 * (a phone that mistyped a link twice is not held up; a script trying thousands is), and submissions per form and per
 * address (a patient correcting answers a few times is not held up; a flood is).
 */
@Component
class FormThrottles {

    private final Throttle guessesByAddress;
    private final Throttle sendsByForm;
    private final Throttle sendsByAddress;

    FormThrottles(
            ProxyManager<String> buckets,
            @Value("${seriescare.forms.throttle.link-guesses-per-address:20}") int guesses,
            @Value("${seriescare.forms.throttle.sends-per-form:30}") int sendsPerForm,
            @Value("${seriescare.forms.throttle.sends-per-address:60}") int sendsPerAddress) {
        this.guessesByAddress = new Throttle(buckets, "form-link-guesses", guesses, Duration.ofMinutes(10));
        this.sendsByForm = new Throttle(buckets, "form-sends", sendsPerForm, Duration.ofHours(1));
        this.sendsByAddress = new Throttle(buckets, "form-sends-from", sendsPerAddress, Duration.ofHours(1));
    }

    /** This address has guessed wrong too often; it is not even asked which form it wants. */
    boolean guessing(String address) {
        return guessesByAddress.exhausted(address);
    }

    void guessedWrong(String address) {
        guessesByAddress.spend(address);
    }

    /**
     * Takes one submission's allowance from the form and from the address, false (taking nothing) when either has used
     * it up: a flood refused for its address must not use up the patient's own allowance, nor the other way round.
     */
    boolean maySend(String formId, String address) {
        if (sendsByForm.exhausted(formId) || sendsByAddress.exhausted(address)) {
            return false;
        }
        return sendsByForm.tryTake(formId) && sendsByAddress.tryTake(address);
    }

    long retryAfterSeconds(String formId, String address) {
        Duration wait = guessesByAddress.retryAfter(address);
        for (Duration other : new Duration[] {sendsByForm.retryAfter(formId), sendsByAddress.retryAfter(address)}) {
            if (other.compareTo(wait) > 0) {
                wait = other;
            }
        }
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
