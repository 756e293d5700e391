package dev.akkoord.consent;

/** A committed consent record and the visitor's signed receipt for it. */
public record StoredConsent(ConsentRecord record, SignedReceipt receipt) {
}
