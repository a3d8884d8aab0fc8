package org.imrplatform.lti;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tool's RSA key pair, made once and kept in the database so every node signs with the same key and platforms
 * need to fetch it only once. The first node to need it makes it; a node that loses that race reads the winner's.
 */
@Component
class ToolKey {

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile RSAKey key;

    ToolKey(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The key pair, private half included: for signing only, never to be published. */
    RSAKey signing() {
        RSAKey known = key;
        if (known == null) {
            known = stored().orElseGet(this::make);
            key = known;
        }
        return known;
    }

    /** The public half with its key id, as published at /lti/jwks. */
    RSAKey published() {
        return signing().toPublicJWK();
    }

    private Optional<RSAKey> stored() {
        return jdbc.sql("select key_id, public_key, private_key from lti_tool_key where id = 1")
                .query((rs, row) -> rsaKey(rs.getString("key_id"), rs.getString("public_key"),
                        rs.getString("private_key")))
                .optional();
    }

    private RSAKey make() {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Base64.Encoder base64 = Base64.getEncoder();
        try {
            jdbc.sql("insert into lti_tool_key (id, key_id, public_key, private_key, created_at) values (1, ?, ?, ?, ?)")
                    .params(UUID.randomUUID().toString(), base64.encodeToString(pair.getPublic().getEncoded()),
                            base64.encodeToString(pair.getPrivate().getEncoded()), OffsetDateTime.now(clock))
                    .update();
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // Its key is the one every node uses.
        }
        return stored().orElseThrow();
    }

    private static RSAKey rsaKey(String keyId, String publicKey, String privateKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            Base64.Decoder base64 = Base64.getDecoder();
            RSAPublicKey publicHalf = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(base64.decode(publicKey)));
            RSAPrivateKey privateHalf = (RSAPrivateKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(base64.decode(privateKey)));
            return new RSAKey.Builder(publicHalf).privateKey(privateHalf).keyID(keyId).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("the stored LTI tool key cannot be read", e);
        }
    }
}
