package io.accessplane.k8s.cnpg;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * A CloudNativePG {@code Cluster} ({@code postgresql.cnpg.io/v1}), restricted to the fields
 * deploy/k8s uses. Maven Central has no Java model of CloudNativePG's API, so this is one, typed
 * after CloudNativePG's API reference ({@code api/v1/cluster_types.go}): {@code ClusterSpec.instances},
 * {@code .enableSuperuserAccess}, {@code .storage} ({@code StorageConfiguration.size}),
 * {@code .bootstrap.initdb} ({@code BootstrapInitDB.database}, {@code .owner}, {@code .secret}, a
 * {@code LocalObjectReference}). Read with unknown properties failing, a field the operator would
 * not know, or one added here without checking that reference, fails the tests.
 */
public record CnpgCluster(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    /** {@code ClusterSpec}: the fields used. */
    public record Spec(int instances, Boolean enableSuperuserAccess, Storage storage, Bootstrap bootstrap) {
    }

    /** {@code StorageConfiguration}: the size of each instance's volume. */
    public record Storage(String size, String storageClass) {
    }

    /** {@code BootstrapConfiguration}: only {@code initdb} is used. */
    public record Bootstrap(InitDb initdb) {
    }

    /** {@code BootstrapInitDB}: the application database, its owner, and the owner's Secret. */
    public record InitDb(String database, String owner, SecretRef secret) {
    }

    /** {@code LocalObjectReference}: a Secret in the cluster's namespace. */
    public record SecretRef(String name) {
    }
}
