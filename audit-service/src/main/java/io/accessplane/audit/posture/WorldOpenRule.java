package io.accessplane.audit.posture;

import io.accessplane.audit.repository.InventoryRepository.RuleItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Reads a security group rule as Neutron applies it: which ports it opens, and to whom. */
final class WorldOpenRule {

    private WorldOpenRule() {
    }

    /** An ingress rule from 0.0.0.0/0, ::/0, or from any address (no prefix and no remote group). */
    static boolean isWorldOpenIngress(RuleItem r) {
        if (!"ingress".equals(r.direction())) {
            return false;
        }
        String prefix = r.remoteIpPrefix();
        if (prefix == null) {
            return r.remoteGroupId() == null;
        }
        return prefix.equals("0.0.0.0/0") || prefix.equals("::/0") || prefix.equals("::0/0");
    }

    /**
     * The ports of {@code ports} the rule opens: any protocol opens all; tcp (and udp unless
     * {@code tcpOnly}) opens its port range, all ports when the range is absent.
     */
    static List<Integer> coveredPorts(RuleItem r, Set<Integer> ports, boolean tcpOnly) {
        String protocol = r.protocol() == null ? "any" : r.protocol().toLowerCase(Locale.ROOT);
        boolean any = protocol.equals("any") || protocol.equals("0");
        boolean tcp = protocol.equals("tcp") || protocol.equals("6");
        boolean udp = protocol.equals("udp") || protocol.equals("17");
        if (!(any || tcp || (udp && !tcpOnly))) {
            return List.of();
        }
        TreeSet<Integer> covered = new TreeSet<>();
        for (int port : ports) {
            if (any || r.portMin() == null || (port >= r.portMin() && port <= (r.portMax() == null ? r.portMin() : r.portMax()))) {
                covered.add(port);
            }
        }
        return new ArrayList<>(covered);
    }
}
