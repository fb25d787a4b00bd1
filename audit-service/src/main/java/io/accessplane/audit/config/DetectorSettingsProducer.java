package io.accessplane.audit.config;

import io.accessplane.audit.detectors.DetectorSettings;
import io.accessplane.audit.detectors.NetworkTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Builds the detectors' settings: the anchors' defaults, with the outside data and tenant choices from configuration. */
@ApplicationScoped
public class DetectorSettingsProducer {

    @Produces
    @Singleton
    DetectorSettings settings(AuditConfig config) {
        AuditConfig.Detectors d = config.detectors();
        DetectorSettings.Builder b = DetectorSettings.defaults().toBuilder()
                .allowedPorts(Set.copyOf(d.allowedWorldPorts()))
                .torExitAddresses(Set.copyOf(d.torExits().orElse(List.of())))
                .threatIntelAddresses(Set.copyOf(d.threatIntel().orElse(List.of())))
                .automationCreators(Set.copyOf(d.automationUsers().orElse(List.of())))
                .sequenceGapGrace(d.sequenceGapGrace())
                .producerSilence(d.producerSilence());
        if (d.networksFile().isPresent()) {
            Path file = Path.of(d.networksFile().get());
            try {
                b.networks(NetworkTable.parse(Files.readString(file)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the network table " + file, e);
            }
        }
        return b.build();
    }
}
