package io.accessplane.audit.service;

import io.accessplane.audit.config.AuditConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The audit service's timed work, on a thread of its own: a signed checkpoint every
 * {@code checkpoints.interval}, a verification of every chain every {@code checkpoints.verify-interval},
 * the retention purge every {@code retention.purge-interval}.
 */
@ApplicationScoped
public class CheckpointSchedule {

    private static final Logger LOG = Logger.getLogger(CheckpointSchedule.class);

    private final IntegrityService integrity;
    private final RetentionService retention;
    private final AuditConfig config;
    private ScheduledExecutorService timer;

    public CheckpointSchedule(IntegrityService integrity, RetentionService retention, AuditConfig config) {
        this.integrity = integrity;
        this.retention = retention;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        long every = config.checkpoints().interval().toMillis();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-checkpoints");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::sign, every, every, TimeUnit.MILLISECONDS);
        long verifyEvery = config.checkpoints().verifyInterval().toMillis();
        timer.scheduleWithFixedDelay(this::verifyAll, verifyEvery, verifyEvery, TimeUnit.MILLISECONDS);
        long purgeEvery = config.retention().purgeInterval().toMillis();
        timer.scheduleWithFixedDelay(this::purge, purgeEvery, purgeEvery, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void verifyAll() {
        try {
            int broken = 0;
            IntegrityService.Checkpoints checkpoints = integrity.readCheckpoints();
            for (String project : integrity.projects()) {
                if (!integrity.verify(project, checkpoints).intact()) {
                    broken++;
                }
            }
            if (broken > 0) {
                LOG.warnf("integrity: %d project chain(s) do not verify; D24 alerts raised", broken);
            }
        } catch (Exception e) {
            LOG.warnf("integrity verification failed to run: %s", e.toString());
        }
    }

    private void purge() {
        try {
            for (RetentionService.Purge p : retention.purge(java.time.Instant.now(),
                    io.accessplane.platform.events.Initiator.system("audit-service"))) {
                LOG.infof("retention: purged %d events of project %s through chain index %d", p.purgedCount(),
                        p.projectId(), p.purgedThroughIndex());
            }
        } catch (Exception e) {
            LOG.warnf("retention purge failed: %s", e.toString());
        }
    }

    private void sign() {
        try {
            StoredCheckpoint c = integrity.checkpoint();
            LOG.debugf("checkpoint %s signed over %d chains", c.signed().body().id(), c.signed().body().heads().size());
        } catch (Exception e) {
            LOG.warnf("checkpoint not signed: %s", e.toString());
        }
    }
}
