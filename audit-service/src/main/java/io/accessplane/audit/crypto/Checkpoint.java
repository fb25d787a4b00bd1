package io.accessplane.audit.crypto;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed digest of every project's chain head at one moment (CloudTrail digest style); each names
 * the signature of the checkpoint before it.
 *
 * @param id the checkpoint's UUID, in its canonical lower-case text form
 * @param createdAt when it was made
 * @param heads one head per project, kept sorted by project id (UTF-16 order)
 * @param previousSignature the previous checkpoint's base64 signature, or null for the first checkpoint
 * @param keyFingerprint the fingerprint of the key that signs it
 * @param algorithm the signature algorithm, {@value #ED25519}
 */
public record Checkpoint(String id, Instant createdAt, List<ProjectHead> heads, String previousSignature,
        String keyFingerprint, String algorithm) {
    /** The only algorithm this service signs with. */
    public static final String ED25519 = "Ed25519";

    /** Checks the fields, sorts the heads by project id and rejects a project listed twice. */
    public Checkpoint {
        Objects.requireNonNull(id, "id");
        if (!UUID.fromString(id).toString().equals(id)) {
            throw new IllegalArgumentException("checkpoint id must be a UUID in lower-case canonical form");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        List<ProjectHead> sorted = new ArrayList<>(Objects.requireNonNull(heads, "heads"));
        sorted.sort(Comparator.comparing(ProjectHead::projectId));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).projectId().equals(sorted.get(i - 1).projectId())) {
                throw new IllegalArgumentException("project " + sorted.get(i).projectId() + " has two heads");
            }
        }
        heads = List.copyOf(sorted);
        if (!HashChain.isHashHex(Objects.requireNonNull(keyFingerprint, "keyFingerprint"))) {
            throw new IllegalArgumentException("key fingerprint must be 64 lower-case hex digits");
        }
        Objects.requireNonNull(algorithm, "algorithm");
    }

    /**
     * The bytes that are signed: the RFC 8785 form of {@code {"algorithm", "created_at" (Instant.toString),
     * "heads": [{"hash", "index", "project_id"}...], "id", "key_fingerprint", "previous_signature" (or null)}}.
     */
    public byte[] stringToSign() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        root.put("id", id);
        root.put("created_at", createdAt.toString());
        ArrayNode headArray = root.putArray("heads");
        for (ProjectHead head : heads) {
            headArray.addObject()
                    .put("project_id", head.projectId())
                    .put("index", head.index())
                    .put("hash", head.hash());
        }
        if (previousSignature == null) {
            root.putNull("previous_signature");
        } else {
            root.put("previous_signature", previousSignature);
        }
        root.put("key_fingerprint", keyFingerprint);
        root.put("algorithm", algorithm);
        return JsonCanonicalizer.canonicalize(root);
    }

    /** This checkpoint's head for {@code projectId}, in the form {@link ChainVerifier} takes. */
    public Optional<CheckpointHead> headFor(String projectId) {
        return heads.stream()
                .filter(head -> head.projectId().equals(projectId))
                .findFirst()
                .map(head -> new CheckpointHead(id, head.index(), head.hash()));
    }
}
