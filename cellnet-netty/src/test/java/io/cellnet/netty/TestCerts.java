package io.cellnet.netty;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test certificates made offline with Bouncy Castle: a CA, and server and client certificates it
 * signs (EC P-256, valid for a day). A server certificate names 127.0.0.1 and localhost.
 */
public final class TestCerts {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private TestCerts() {
    }

    /** A key and its certificate. */
    public record Identity(PrivateKey key, X509Certificate cert) {
    }

    /** A self-signed CA. */
    public static Identity ca(String name) {
        KeyPair keys = keys();
        return new Identity(keys.getPrivate(), sign(name, keys, name, keys.getPrivate(), Role.CA));
    }

    /** A server certificate for 127.0.0.1 and localhost, signed by {@code ca}. */
    public static Identity server(String name, Identity ca) {
        return leaf(name, ca, Role.SERVER);
    }

    /** A client certificate signed by {@code ca}. */
    public static Identity client(String name, Identity ca) {
        return leaf(name, ca, Role.CLIENT);
    }

    private enum Role { CA, SERVER, CLIENT }

    private static Identity leaf(String name, Identity ca, Role role) {
        KeyPair keys = keys();
        String issuer = ca.cert().getSubjectX500Principal().getName();
        return new Identity(keys.getPrivate(), sign(name, keys, issuer, ca.key(), role));
    }

    private static X509Certificate sign(String subject, KeyPair keys, String issuer, PrivateKey issuerKey, Role role) {
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(dn(issuer)),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(1))), new X500Name(dn(subject)), keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(role == Role.CA));
            if (role == Role.CA) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        role == Role.SERVER ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
            }
            if (role == Role.SERVER) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a test certificate for " + subject, e);
        }
    }

    private static String dn(String name) {
        return name.startsWith("CN=") ? name : "CN=" + name;
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
