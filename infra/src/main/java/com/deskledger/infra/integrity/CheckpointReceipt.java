package com.deskledger.infra.integrity;

import com.deskledger.infra.keys.KeyRing;
import com.deskledger.kernel.FreeText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A checkpoint as an auditor keeps it: its fields, the id of the key that signed it and the Ed25519 signature
 * (base64) over {@code signedText}, the lines {@link Checkpoint#signedText()} builds from these fields. Uploaded
 * again to {@code POST /api/audit/verify}, it is checked with the application's public key of that id, never
 * against the database's copy.
 */
public record CheckpointReceipt(
        @NotNull @Pattern(regexp = Checkpoint.FORMAT) String format,
        @NotNull @Positive Long checkpoint,
        @NotNull @PositiveOrZero Long highestGlobalIndex,
        @NotNull @PositiveOrZero Long eventCount,
        @NotNull @PositiveOrZero Long aggregateCount,
        @NotNull @Pattern(regexp = "[0-9a-f]{64}") String merkleRoot,
        @NotNull Instant createdAt,
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String keyId,
        @NotNull @Pattern(regexp = KeyRing.SIGNATURE_ALGORITHM) String algorithm,
        @NotNull @Pattern(regexp = "[A-Za-z0-9+/]{86}==") String signature,
        // the signed lines, as the receipt was downloaded (line breaks included; ignored on upload: rebuilt)
        @FreeText @Size(max = 2000) String signedText) {

    static CheckpointReceipt of(Checkpoint checkpoint) {
        return new CheckpointReceipt(Checkpoint.FORMAT, checkpoint.id(), checkpoint.highestGlobalIndex(),
                checkpoint.eventCount(), checkpoint.aggregateCount(), Encoding.hex(checkpoint.merkleRoot()),
                checkpoint.createdAt(), checkpoint.keyId(), KeyRing.SIGNATURE_ALGORITHM,
                Base64.getEncoder().encodeToString(checkpoint.signature()),
                new String(checkpoint.signedText(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The checkpoint this receipt states (its {@code signedText} is ignored: the text is rebuilt). */
    Checkpoint toCheckpoint() {
        return new Checkpoint(checkpoint, highestGlobalIndex, eventCount, aggregateCount,
                HexFormat.of().parseHex(merkleRoot), createdAt, keyId, Base64.getDecoder().decode(signature));
    }
}
