# Writes corpus.json: the fixed bad-input corpus of BadInputCorpusTest. Edit and rerun to change it.
import json
entries=[]
def add(service, method, path, body=None, headers=None, note=""):
    entries.append({"id": f"{len(entries)+1:03d}", "service": service, "method": method, "path": path,
                    "body": body, "headers": headers or {}, "note": note})
broken = ['{', 'null', '[]', '"text"', '123', '{"a":', '{}', '{"x":1}', '\u0000', '{"a":1}}', 'not json at all', '{"a":"\\ud800"}']
big = '{"name":"' + 'x'*1_100_000 + '"}'
identity_posts = ["/v3/auth/tokens", "/v3/users", "/v3/projects", "/v3/users/{user_id}/application_credentials", "/v3/roles", "/v3/domains"]
compute_posts = ["/v2.1/os-keypairs"]
network_posts = ["/v2.0/security-groups", "/v2.0/security-group-rules", "/v2.0/default-security-group-rules", "/v2.0/security-groups/evaluate", "/v2.0/security-groups/{group_id}/evaluate"]
for svc, paths in (("identity", identity_posts), ("compute", compute_posts), ("network", network_posts)):
    for p in paths:
        for b in broken:
            add(svc, "POST", p, b, note="broken JSON body")
        add(svc, "POST", p, None, note="huge body: {\"name\":\"x...\"} of 1.1 MB")
        entries[-1]["huge_body_bytes"] = 1_100_000
        add(svc, "POST", p, '{}', {"Content-Type": "text/plain"}, note="wrong content type")
# identity: wrong types, missing/unknown fields
auth = lambda ident: json.dumps({"auth": {"identity": ident}})
for ident in [{}, {"methods": []}, {"methods": "password"}, {"methods": ["password"]}, {"methods": ["password"], "password": {}},
              {"methods": ["password"], "password": {"user": {"name": 1, "password": "x", "domain": {"id": "default"}}}},
              {"methods": ["password"], "password": {"user": {"name": "corpus-nobody", "password": ["x"], "domain": {"id": "default"}}}},
              {"methods": ["password"], "password": {"user": {"name": "corpus-nobody", "password": "wrong", "domain": {"id": "default"}}}},
              {"methods": ["password"], "password": {"user": {"name": "a\u0000", "password": "x", "domain": {"id": "default"}}}},
              {"methods": ["telepathy"]}, {"methods": ["token"], "token": {"id": "garbage"}},
              {"methods": ["application_credential"], "application_credential": {"id": "nope", "secret": "x"}},
              {"methods": ["application_credential"], "application_credential": {"secret": "x"}},
              {"methods": ["application_credential"], "application_credential": {"id": 5, "secret": 5}}]:
    add("identity", "POST", "/v3/auth/tokens", auth(ident), note="bad auth request")
for user in [{"name": ""}, {"name": "x"*300}, {"name": 5}, {"name": "u", "password": 12}, {"name": "u", "enabled": "yes"},
             {"name": "u", "unknown_field": 1, "password": "x"}, {"name": "u\u0000", "password": "x"}, {"name": None},
             {"name": "u", "default_project_id": "does-not-exist"}, {"name": "u", "domain_id": "nope"}, {"password": "x"}]:
    add("identity", "POST", "/v3/users", json.dumps({"user": user}), note="bad user")
for project in [{"name": ""}, {"name": "x"*300}, {"name": 5}, {"name": "p", "enabled": "yes"}, {"name": "p", "description": "a\u0000b"},
                {"name": "p", "parent_id": "nope"}, {"name": "p", "domain_id": "nope"}, {"description": "no name"}, {"name": ["p"]}]:
    add("identity", "POST", "/v3/projects", json.dumps({"project": project}), note="bad project")
for ac in [{"name": ""}, {"name": 5}, {"name": "a", "expires_at": "tomorrow"}, {"name": "a", "expires_at": "2001-01-01T00:00:00Z"},
           {"name": "a", "roles": [5]}, {"name": "a", "roles": [{"name": "no-such-role"}]}, {"name": "a", "roles": "member"},
           {"name": "a", "access_rules": [{"path": 5}]}, {"name": "a", "access_rules": "x"}, {"name": "a", "unrestricted": "yes"},
           {"name": "a", "secret": 5}, {"name": "a", "description": ["d"]}, {"name": "a\u0000"}, {"name": "x"*300}]:
    add("identity", "POST", "/v3/users/{user_id}/application_credentials", json.dumps({"application_credential": ac}), note="bad application credential")
for path in ["/v3/users/a%00b", "/v3/projects/a%00b", "/v3/users/nope", "/v3/projects/nope",              "/v3/users/{user_id}/application_credentials/nope", "/v3/roles/nope", "/v3/domains/nope",
             "/v3/projects?name=a%00b", "/v3/no-such-thing"]:
    add("identity", "GET", path, note="bad identity lookup")
for tok in ["garbage", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "x"*5000]:
    add("identity", "GET", "/v3/auth/tokens", headers={"X-Subject-Token": tok}, note="bad subject token")
for tok in ["garbage", "a.b.c", ""]:
    add("identity", "GET", "/v3/users", headers={"X-Auth-Token": tok}, note="bad auth token")
    add("compute", "GET", "/v2.1/os-keypairs", headers={"X-Auth-Token": tok}, note="bad auth token")
    add("network", "GET", "/v2.0/security-groups", headers={"X-Auth-Token": tok}, note="bad auth token")
# compute
for kp in [{"name": ""}, {"name": "x"*300}, {"name": 5}, {"name": "a/b"}, {"name": "ok", "public_key": "ssh-rsa AAAA"},
           {"name": "ok", "public_key": "ssh-dss AAAAB3NzaC1kc3MAAACBAP"}, {"name": "ok", "public_key": "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----"},
           {"name": "ok", "public_key": "ssh-ed25519 !!!notbase64"}, {"name": "ok", "public_key": 5}, {"name": "ok", "type": 5},
           {"name": "ok", "type": "pgp"}, {"name": "ok", "key_algorithm": "dsa"}, {"name": "ok", "key_algorithm": 5},
           {"name": "ok", "unknown": 1}, {"name": "ok", "public_key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMk00Ev4QGSJLpVOTmOpl5zCgJUaA0PdbESys+TT1y8z x\u0000"},
           {"name": "ok", "type": "x509", "public_key": "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----"},
           {"name": "ok", "user_id": 5}, {"name": "a\u0000b"}, {"public_key": "ssh-ed25519 AAAA"}, {"name": None}]:
    add("compute", "POST", "/v2.1/os-keypairs", json.dumps({"keypair": kp}), note="bad key pair")
for v in ["compute 2.x", "compute 3.0", "compute 2.999", "compute", "2.10", "compute 1.0"]:
    add("compute", "GET", "/v2.1/os-keypairs", headers={"OpenStack-API-Version": v}, note="bad microversion")
for q in ["limit=-1", "limit=abc", "limit=99999999999999", "marker=nope&limit=1", "marker=a%00b&limit=1", "bogus=1", "user_id=a%00b"]:
    add("compute", "GET", "/v2.1/os-keypairs?" + q, headers={"OpenStack-API-Version": "compute 2.75"}, note="bad query")
for path in ["/v2.1/os-keypairs/nope", "/v2.1/os-keypairs/a%00b", "/v2.1/os-keypairs/" + "a"*5000, "/v2.1/servers"]:
    add("compute", "GET", path, note="bad key pair lookup")
    add("compute", "DELETE", path, note="bad key pair delete")
# network
for sg in [{"name": 5}, {"name": "x"*300}, {"name": "default"}, {"name": "DEFAULT"}, {"name": "a", "stateful": "maybe"},
           {"name": "a", "unknown": 1}, {"name": None}, {"name": "a", "description": "a\u0000b"}, 
           {"name": "a", "project_id": "p1", "tenant_id": "p2"}, {"name": "a", "template": "mainframe"}, {"name": "a", "template": "bastion"},
           {"name": "a", "template": "web-server", "template_parameters": [1]}, {"name": "a", "template": "web-server", "template_parameters": {"admin_cidr": "999.1.1.1/8"}},
           {"name": "a", "template": "web-server", "template_parameters": {"admin_cidr": "10.0.0.0/8", "extra": "x"}}, {"name": ["a"]}]:
    add("network", "POST", "/v2.0/security-groups", json.dumps({"security_group": sg}), note="bad security group")
base = {"security_group_id": "{group_id}", "direction": "ingress"}
rules = [{"direction": "sideways"}, {"ethertype": "IPv5"}, {"protocol": "nope"}, {"protocol": 256}, {"protocol": "tcp", "port_range_min": 0, "port_range_max": 10},
         {"protocol": "tcp", "port_range_min": 10, "port_range_max": 5}, {"protocol": "tcp", "port_range_min": 70000, "port_range_max": 70000},
         {"protocol": "tcp", "port_range_min": "abc"}, {"port_range_min": 22, "port_range_max": 22}, {"protocol": "icmp", "port_range_min": 300},
         {"protocol": "icmp", "port_range_max": 0}, {"protocol": "gre", "port_range_min": 1, "port_range_max": 2},
         {"remote_ip_prefix": "10.0.0.0/33"}, {"remote_ip_prefix": "not-a-cidr"}, {"ethertype": "IPv6", "remote_ip_prefix": "10.0.0.0/8"},
         {"remote_ip_prefix": "10.0.0.0/8", "remote_group_id": "{group_id}"}, {"remote_group_id": "00000000-0000-0000-0000-000000000000"},
         {"security_group_id": "00000000-0000-0000-0000-000000000000"}, {"security_group_id": "not-a-uuid"}, {"security_group_id": None},
         {"direction": None}, {"unknown": 1}, {"description": 5}, {"description": "x"*300}, {"protocol": {"a": 1}},
         {"protocol": "tcp", "port_range_min": 1e99}, {"ethertype": "IPv4", "protocol": "ipv6-icmp"}, {"remote_address_group_id": "x"*50},
         {"description": "a\u0000b"}]
for r in rules:
    rule = dict(base); rule.update(r)
    add("network", "POST", "/v2.0/security-group-rules", json.dumps({"security_group_rule": rule}), note="bad rule")
add("network", "POST", "/v2.0/security-group-rules", json.dumps({"security_group_rules": []}), note="empty bulk")
add("network", "POST", "/v2.0/security-group-rules", json.dumps({"security_group_rules": [None]}), note="null in bulk")
add("network", "POST", "/v2.0/security-group-rules", json.dumps({"security_group_rules": [1, 2]}), note="numbers in bulk")
add("network", "POST", "/v2.0/security-group-rules", json.dumps({"security_group_rules": [dict(base, protocol="tcp", port_range_min=80, port_range_max=80), dict(base, protocol="tcp", port_range_min=0, port_range_max=1)]}), note="bulk with one bad rule")
add("network", "POST", "/v2.0/security-group-rules", json.dumps({"security_group_rules": [dict(base, protocol="udp"), dict(base, protocol="udp")]}), note="bulk duplicates")
for q in ["colour=red", "limit=many", "limit=-3", "sort_key=name&sort_key=id&sort_dir=asc", "sort_key=nope", "sort_dir=sideways&sort_key=name",
          "sort_key=created_at", "stateful=maybe", "fields=id&bogus=1"]:
    add("network", "GET", "/v2.0/security-groups?" + q, note="bad list query")
for q in ["port_range_min=abc", "protocol=nope", "ethertype=IPv9", "remote_ip_prefix=999.0.0.0/8", "sort_key=normalized_cidr"]:
    add("network", "GET", "/v2.0/security-group-rules?" + q, note="bad rule list query")
for path in ["/v2.0/security-groups/not-a-uuid", "/v2.0/security-groups/00000000-0000-0000-0000-000000000000", "/v2.0/security-groups/a%00b",
             "/v2.0/security-group-rules/nope", "/v2.0/default-security-group-rules/nope", "/v2.0/quotas/a%00b", "/v2.0/networks"]:
    add("network", "GET", path, note="bad lookup")
add("network", "PUT", "/v2.0/security-groups/{group_id}", json.dumps({"security_group": {"name": "x"}}), {"If-Match": "revision_number=abc"}, note="bad If-Match")
add("network", "PUT", "/v2.0/security-groups/{group_id}", json.dumps({"security_group": {"name": "x"}}), {"If-Match": "revision_number=999"}, note="stale If-Match")
add("network", "PUT", "/v2.0/security-groups/{group_id}", json.dumps({"security_group": {"project_id": "x"}}), note="immutable attribute")
add("network", "PUT", "/v2.0/security-groups/{group_id}/tags", json.dumps({"tags": "x"}), note="tags not a list")
add("network", "PUT", "/v2.0/security-groups/{group_id}/tags", json.dumps({"tags": ["a,b"]}), note="tag with comma")
add("network", "PUT", "/v2.0/security-groups/{group_id}/tags", json.dumps({"tags": [5]}), note="tag not a string")
add("network", "PUT", "/v2.0/security-groups/{group_id}/tags/" + "t"*300, note="overlong tag")
add("network", "PUT", "/v2.0/quotas/{project_id}", json.dumps({"quota": {"security_group": "1e9"}}), note="quota not integer")
add("network", "PUT", "/v2.0/quotas/{project_id}", json.dumps({"quota": {"security_group": -5}}), note="quota below -1")
add("network", "PUT", "/v2.0/quotas/{project_id}", json.dumps({"quota": {"network": 5}}), note="unknown quota resource")
add("network", "PUT", "/v2.0/quotas/{project_id}", json.dumps({"quota": {"security_group": 99999999999}}), note="quota out of range")
for flow in [{"direction": "up"}, {"direction": "ingress", "port": -1}, {"direction": "ingress", "port": 70000}, {"direction": "ingress", "protocol": "nope"},
             {"direction": "ingress", "remote_ip": "::1"}, {"direction": "ingress", "remote_ip": "not-an-ip"}, {"direction": "ingress", "ethertype": "IPv9"},
             {"direction": "ingress", "remote_group_ids": "x"}, {"direction": "ingress", "reply": "perhaps"}, {"direction": "ingress", "unknown": 1}]:
    add("network", "POST", "/v2.0/security-groups/{group_id}/evaluate", json.dumps({"flow": flow}), note="bad flow")
add("network", "POST", "/v2.0/security-groups/evaluate", json.dumps({"flow": {"direction": "ingress"}}), note="no group ids")
add("network", "POST", "/v2.0/security-groups/evaluate", json.dumps({"flow": {"direction": "ingress"}, "security_group_ids": ["00000000-0000-0000-0000-000000000000"]}), note="unknown group")
add("network", "PUT", "/v2.0/security-group-rules/nope", json.dumps({"security_group_rule": {"description": "x"}}), note="describe missing rule")
add("network", "DELETE", "/v2.0/security-group-rules/nope", note="delete missing rule")
add("network", "DELETE", "/v2.0/security-groups/not-a-uuid", note="delete missing group")
# audit (version 2): its JSON body (retention), its queries, ids, triage of missing alerts, tokens
for b in broken + ['{"retention":{"project_id":"{project_id}","days":"400"}}', '{"retention":{"project_id":5,"days":400}}',
                   '{"retention":{"project_id":"{project_id}","days":0}}', '{"retention":{"project_id":"{project_id}","days":-1}}',
                   '{"retention":{"project_id":"{project_id}","days":100000000}}', '{"retention":{"project_id":"","days":400}}',
                   '{"retention":{"days":400}}', '{"retention":{"project_id":"{project_id}"}}', '{"retention":[]}',
                   '{"retention":{"project_id":"{project_id}","days":400.5}}', '{"retention":{"project_id":"a\\u0000b","days":400}}',
                   '{"retention":{"project_id":"' + "p"*300 + '","days":400}}']:
    add("audit", "PUT", "/v1/retention", b, note="bad retention body")
add("audit", "PUT", "/v1/retention", None, note="huge body: {\"name\":\"x...\"} of 1.1 MB")
entries[-1]["huge_body_bytes"] = 1_100_000
add("audit", "PUT", "/v1/retention", '{}', {"Content-Type": "text/plain"}, note="wrong content type")
for q in ["limit=0", "limit=1001", "limit=x", "cursor=nope", "outcome=maybe", "since=yesterday", "until=2026-13-45T00:00:00Z",
          "since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z", "colour=red", "user_id=", "project_id=a&project_id=b",
          "project_id=a%00b", "target_id=" + "t"*300, "type=%01"]:
    add("audit", "GET", "/v1/events?" + q, note="bad event query")
for q in ["severity=apocalyptic", "state=sleeping", "detector=", "limit=-1", "cursor=%25%25%25", "since=never", "bogus=1"]:
    add("audit", "GET", "/v1/alerts?" + q, note="bad alert query")
for path in ["/v1/events/no-such-event", "/v1/events/a%00b", "/v1/alerts/not-a-uuid", "/v1/alerts/00000000-0000-0000-0000-000000000000",
             "/v1/integrity/verify?bogus=1", "/v1/integrity/checkpoints?after=-1", "/v1/integrity/checkpoints?limit=0",
             "/v1/integrity/checkpoints?limit=x", "/v1/posture?bogus=1", "/v1/inventory/keypairs?project_id=", "/v1/retention",
             "/v1/events/stream?last_event_id=-3", "/v1/events/export?limit=5", "/v1/no-such-thing"]:
    add("audit", "GET", path, note="bad audit lookup")
for path in ["/v1/alerts/not-a-uuid/acknowledge", "/v1/alerts/00000000-0000-0000-0000-000000000000/resolve"]:
    add("audit", "POST", path, note="triage of a missing alert")
for tok in ["garbage", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", ""]:
    add("audit", "GET", "/v1/events", headers={"X-Auth-Token": tok}, note="bad auth token")
add("audit", "DELETE", "/v1/events", note="method not allowed")
json.dump({"version": 2, "description": "Malformed requests: every answer must be a 4xx in that API's error format, and nothing may be stored.", "requests": entries},
          open(__import__("os").path.join(__import__("os").path.dirname(__file__), "corpus.json"), "w"), indent=1, ensure_ascii=True)
print(len(entries))
