package io.accessplane.credential.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessplane.credential.service.AuthRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Token request bodies as keystoneauth sends them, and the 400s and 401s for the rest. */
class AuthRequestParserTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static AuthRequest parse(String json) throws Exception {
        return AuthRequestParser.parse(JSON.readTree(json.replace('\'', '"')));
    }

    @Test
    void passwordByNameScopedByName() throws Exception {
        AuthRequest r = parse("{'auth':{'identity':{'methods':['password'],'password':{'user':{'password':'p',"
                + "'name':'admin','domain':{'name':'Default'}}}},'scope':{'project':{'domain':{'name':'Default'},"
                + "'name':'admin'}}}}");
        assertEquals(AuthRequest.Method.PASSWORD, r.method());
        assertEquals("admin", r.user().name());
        assertEquals("Default", r.user().domainName());
        assertEquals("admin", r.scope().name());
        assertEquals("p", r.password());
    }

    @Test
    void passwordByIdUnscoped() throws Exception {
        AuthRequest r = parse("{'auth':{'identity':{'methods':['password'],'password':{'user':{'id':'u1','password':'p'}}}}}");
        assertEquals("u1", r.user().id());
        assertNull(r.scope());
    }

    @Test
    void applicationCredentialByIdAndByName() throws Exception {
        AuthRequest byId = parse("{'auth':{'identity':{'methods':['application_credential'],"
                + "'application_credential':{'id':'abc','secret':'s'}}}}");
        assertEquals("abc", byId.credentialId());
        AuthRequest byName = parse("{'auth':{'identity':{'methods':['application_credential'],"
                + "'application_credential':{'name':'n','secret':'s','user':{'name':'u','domain':{'id':'default'}}}}}}");
        assertEquals("n", byName.credentialName());
        assertEquals("u", byName.user().name());
    }

    @Test
    void secretsNeverShowInToString() throws Exception {
        AuthRequest r = parse("{'auth':{'identity':{'methods':['password'],'password':{'user':{'id':'u','password':'hunter2'}}}}}");
        assertEquals(false, r.toString().contains("hunter2"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}|400",
        "{'auth':1}|400",
        "{'auth':{}}|400",
        "{'auth':{'identity':{}}}|400",
        "{'auth':{'identity':{'methods':[]}}}|400",
        "{'auth':{'identity':{'methods':'password'}}}|400",
        "{'auth':{'identity':{'methods':['password','token']}}}|401",
        "{'auth':{'identity':{'methods':['token']}}}|401",
        "{'auth':{'identity':{'methods':[7]}}}|401",
        "{'auth':{'identity':{'methods':['password']}}}|400",
        "{'auth':{'identity':{'methods':['password'],'password':{}}}}|400",
        "{'auth':{'identity':{'methods':['password'],'password':{'user':{'password':'p'}}}}}|400",
        "{'auth':{'identity':{'methods':['password'],'password':{'user':{'name':'u','password':'p'}}}}}|400",
        "{'auth':{'identity':{'methods':['password'],'password':{'user':{'name':'u','password':'p','domain':{}}}}}}|400",
        "{'auth':{'identity':{'methods':['password'],'password':{'user':{'id':'u'}}}}}|400",
        "{'auth':{'identity':{'methods':['password'],'password':{'user':{'id':'u','password':''}}}}}|400",
        "{'auth':{'identity':{'methods':['password'],'password':{'user':{'id':'u','password':5}}}}}|400",
        "{'auth':{'identity':{'methods':['password'],'password':{'user':{'id':['u'],'password':'p'}}}}}|400",
        "{'auth':{'identity':{'methods':['password'],'password':{'user':{'id':'u','password':'p'}}},'scope':'x'}}|400",
        "{'auth':{'identity':{'methods':['password'],'password':{'user':{'id':'u','password':'p'}}},'scope':{'project':{}}}}|400",
        "{'auth':{'identity':{'methods':['password'],'password':{'user':{'id':'u','password':'p'}}},'scope':{'domain':{'id':'d'}}}}|401",
        "{'auth':{'identity':{'methods':['password'],'password':{'user':{'id':'u','password':'p'}}},'scope':{'system':{'all':true}}}}|401",
        "{'auth':{'identity':{'methods':['password'],'password':{'user':{'id':'u','password':'p'}}},'scope':{'galaxy':{}}}}|400",
        "{'auth':{'identity':{'methods':['application_credential'],'application_credential':{'id':'a'}}}}|400",
        "{'auth':{'identity':{'methods':['application_credential'],'application_credential':{'secret':'s'}}}}|400",
        "{'auth':{'identity':{'methods':['application_credential'],'application_credential':{'name':'n','secret':'s'}}}}|400",
        "{'auth':{'identity':{'methods':['application_credential'],'application_credential':{'id':'a','secret':'s'}},'scope':{'project':{'id':'p'}}}}|401",
    })
    void badRequests(String body, int status) {
        KeystoneException e = assertThrows(KeystoneException.class, () -> parse(body));
        assertEquals(status, e.status(), body + ": " + e.getMessage());
    }
}
