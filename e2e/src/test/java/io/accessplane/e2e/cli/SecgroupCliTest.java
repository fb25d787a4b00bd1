package io.accessplane.e2e.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real {@code openstack security group} commands against the running secgroup-service. */
class SecgroupCliTest {

    static OpenStackCli user;

    @BeforeAll
    static void aProjectOfItsOwn() {
        user = OpenStackCli.admin().newProjectUser("sg", "member").cli();
    }

    @Test
    void groupCreateListShowSetDelete() {
        JsonNode created = user.json("security", "group", "create", "--description", "ssh access", "--stateless", "sg-cli");
        assertEquals("sg-cli", created.get("name").asText());
        assertEquals("ssh access", created.get("description").asText());
        assertEquals(false, created.get("stateful").asBoolean());
        String id = created.get("id").asText();
        List<String> names = new ArrayList<>();
        user.json("security", "group", "list").forEach(g -> names.add(g.get("Name").asText()));
        assertTrue(names.contains("sg-cli") && names.contains("default"), names.toString());
        assertEquals(id, user.json("security", "group", "show", "sg-cli").get("id").asText());
        user.run("security", "group", "set", "--name", "sg-cli-renamed", "sg-cli").ok();
        assertEquals("sg-cli-renamed", user.json("security", "group", "show", id).get("name").asText());
        user.run("security", "group", "delete", "sg-cli-renamed").ok();
        var missing = user.run("security", "group", "show", "sg-cli-renamed");
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.stderr().contains("No SecurityGroup found for sg-cli-renamed")
                || missing.stderr().contains("sg-cli-renamed"), missing.stderr());
    }

    @Test
    void ruleCreateListShowDeleteAndDuplicate() {
        String web = user.json("security", "group", "create", "sg-web").get("id").asText();
        String app = user.json("security", "group", "create", "sg-app").get("id").asText();
        JsonNode ssh = user.json("security", "group", "rule", "create", "--protocol", "tcp", "--dst-port", "22",
                "--remote-ip", "10.0.0.0/8", "sg-web");
        assertEquals("tcp", ssh.get("protocol").asText());
        assertEquals(22, ssh.get("port_range_min").asInt());
        assertEquals("10.0.0.0/8", ssh.get("remote_ip_prefix").asText());
        JsonNode icmp = user.json("security", "group", "rule", "create", "--protocol", "icmp", "sg-web");
        assertEquals("icmp", icmp.get("protocol").asText());
        JsonNode v6 = user.json("security", "group", "rule", "create", "--ethertype", "IPv6", "--protocol", "tcp",
                "--dst-port", "443", "sg-web");
        assertEquals("IPv6", v6.get("ether_type").asText());
        JsonNode fromApp = user.json("security", "group", "rule", "create", "--protocol", "tcp", "--dst-port", "8080",
                "--remote-group", "sg-app", "sg-web");
        assertEquals(app, fromApp.get("remote_group_id").asText());
        JsonNode egress = user.json("security", "group", "rule", "create", "--egress", "--protocol", "udp", "--dst-port",
                "53", "sg-web");
        assertEquals("egress", egress.get("direction").asText());

        List<String> all = new ArrayList<>();
        user.json("security", "group", "rule", "list").forEach(r -> all.add(r.get("ID").asText()));
        assertTrue(all.contains(ssh.get("id").asText()) && all.contains(egress.get("id").asText()), all.toString());
        List<String> ofWeb = new ArrayList<>();
        user.json("security", "group", "rule", "list", "sg-web").forEach(r -> ofWeb.add(r.get("ID").asText()));
        assertEquals(7, ofWeb.size(), ofWeb.toString()); // 2 template egress rules + 5 made here
        assertEquals(web, user.json("security", "group", "rule", "show", ssh.get("id").asText()).get("security_group_id").asText());

        var duplicate = user.run("security", "group", "rule", "create", "--protocol", "tcp", "--dst-port", "22",
                "--remote-ip", "10.0.0.0/8", "sg-web");
        assertNotEquals(0, duplicate.exitCode());
        assertTrue(duplicate.stderr().contains("Security group rule already exists. Rule id is "
                + ssh.get("id").asText()), duplicate.stderr());

        user.run("security", "group", "rule", "delete", ssh.get("id").asText()).ok();
        var gone = user.run("security", "group", "rule", "show", ssh.get("id").asText());
        assertNotEquals(0, gone.exitCode());
        user.run("security", "group", "delete", "sg-web", "sg-app").ok();
    }
}
