package io.accessplane.keypair.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's key pair: the public part and its fingerprints. */
@Entity
@Table(name = "key_pair")
public class KeyPair {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "project_id")
    public String projectId;
    public String name;
    public String type;
    @Column(name = "public_key")
    public String publicKey;
    public String fingerprint;
    @Column(name = "fingerprint_sha256")
    public String fingerprintSha256;
    public String algorithm;
    public int bits;
    public boolean generated;
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
}
