package com.deskledger.infra.integrity;

import com.deskledger.infra.keys.KeyRing;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Tamper evidence of the event store: verification of the chains, the signatures and a checkpoint; checkpoints
 * taken on demand and downloaded as receipts; the public keys receipts are checked with.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit")
class StoreIntegrityController {

    private final StoreVerifier verifier;
    private final Checkpoints checkpoints;
    private final KeyRing keys;

    StoreIntegrityController(StoreVerifier verifier, Checkpoints checkpoints, KeyRing keys) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.keys = keys;
    }

    @GetMapping("/verify")
    @Operation(summary = "Recompute the hash chains and check the application's signatures (all, one aggregate, or a"
            + " global-index range); for the whole store, also compare with the newest checkpoint; first problem")
    StoreVerifier.Verdict verify(@RequestParam(required = false) String aggregate,
                                 @RequestParam(required = false) Long from,
                                 @RequestParam(required = false) Long to) {
        if (aggregate == null && from == null && to == null) {
            return checkpoints.newestKnown()
                    .map(newest -> verifier.verify(null, null, null, newest, "newest checkpoint"))
                    .orElseGet(() -> verifier.verify(null, null, null, null, null));
        }
        return verifier.verify(aggregate, from, to, null, null);
    }

    @PostMapping("/verify")
    @Operation(summary = "Verify the whole store against a checkpoint receipt kept by an auditor (and the chains and"
            + " signatures); the receipt is checked with the application's public key, not the database's copy")
    StoreVerifier.Verdict verifyReceipt(@Valid @RequestBody CheckpointReceipt receipt) {
        Checkpoint checkpoint = receipt.toCheckpoint();
        if (!checkpoints.signatureValid(checkpoint)) {
            throw new DomainException(ErrorCode.CHECKPOINT_RECEIPT_INVALID, keys.checkpointPublicKey(
                    receipt.keyId()).isEmpty() ? "the receipt is signed with key " + receipt.keyId() + ", which this"
                    + " application does not know" : "the receipt's signature does not match its content");
        }
        return verifier.verify(null, null, null, checkpoint, "receipt");
    }

    @PostMapping("/checkpoints")
    @Operation(summary = "Take a signed checkpoint of the whole store now; answers its receipt")
    ResponseEntity<CheckpointReceipt> take() {
        Checkpoint taken = checkpoints.take();
        return ResponseEntity.created(URI.create("/api/audit/checkpoints/" + taken.id()))
                .body(CheckpointReceipt.of(taken));
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "The newest checkpoints as receipts, newest first")
    List<CheckpointReceipt> list(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "between 1 and 1000", "limit");
        }
        return checkpoints.newest(limit).stream().map(CheckpointReceipt::of).toList();
    }

    @GetMapping("/checkpoints/{id}")
    @Operation(summary = "One checkpoint as a receipt to keep (a JSON file)")
    ResponseEntity<CheckpointReceipt> receipt(@PathVariable long id) {
        Checkpoint checkpoint = checkpoints.find(id)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no checkpoint " + id));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"deskledger-checkpoint-" + id + ".json\"").body(CheckpointReceipt.of(checkpoint));
    }

    @GetMapping("/keys")
    @Operation(summary = "The public keys that checkpoints are signed with, and the ids of the event MAC keys")
    AuditKeys keys() {
        String activeCheckpoint = keys.activeCheckpointKey().id();
        String activeMac = keys.activeEventMacKey().id();
        return new AuditKeys(keys.checkpointPublicKeys().entrySet().stream()
                .map(e -> new AuditKeys.PublicKeyEntry(e.getKey(), KeyRing.SIGNATURE_ALGORITHM,
                        KeyRing.pem(e.getValue()), e.getKey().equals(activeCheckpoint))).toList(),
                keys.eventMacKeyIds().stream()
                        .map(id -> new AuditKeys.KeyId(id, KeyRing.MAC_ALGORITHM, id.equals(activeMac))).toList());
    }
}
