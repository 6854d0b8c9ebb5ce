package com.deskledger.infra.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The application's keys, read from files in {@code deskledger.keys.dir}, never from the database:
 * <ul>
 *     <li>{@code event-mac/<id>.key}: an HMAC-SHA256 key (base64 of at least 32 random bytes) that signs every
 *     appended event;</li>
 *     <li>{@code checkpoint/<id>.key} and {@code <id>.pub}: an Ed25519 key pair (PEM, PKCS#8 and X.509, as
 *     {@code openssl genpkey -algorithm ed25519} writes them) that signs checkpoints. The public half is what an
 *     auditor checks a receipt with; a retired key may keep only its {@code .pub}.</li>
 *     <li>{@code kek/<id>.key}: an AES-256 key-encryption key (base64 of 32 random bytes) that wraps every
 *     personal-data key in the database ({@code personal_key}), so that a copy of the database alone opens no
 *     personal value. A retired KEK is needed until every key it wrapped was wrapped again with the active one
 *     (done at start-up).</li>
 * </ul>
 * The id of a key is its file name; every signature records it. Old keys stay in the directory so that what they
 * signed can still be verified; the active key of a kind is the configured one, else the greatest id. A key id that
 * this ring does not know yet (another node's newer key in a shared directory) makes it read the directory again.
 */
@Component
public class KeyRing {

    public static final String EVENT_MAC = "event-mac";
    public static final String CHECKPOINT = "checkpoint";
    public static final String KEK = "kek";
    public static final String KEK_ALGORITHM = "AES";
    public static final String MAC_ALGORITHM = "HmacSHA256";
    public static final String SIGNATURE_ALGORITHM = "Ed25519";

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MIN_MAC_KEY_BYTES = 32;
    private static final int KEK_BYTES = 32;
    private static final DateTimeFormatter GENERATED_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** Each path open to others is named once, not at every read of the directory. */
    private static final Set<Path> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A MAC key and its id; the key bytes never appear in {@code toString()}. */
    public record MacKey(String id, SecretKeySpec key) {
        @Override
        public String toString() {
            return "MacKey[" + id + "]";
        }
    }

    /** A key-encryption key and its id; the key bytes never appear in {@code toString()}. */
    public record SecretKeyEntry(String id, SecretKeySpec key) {
        @Override
        public String toString() {
            return "SecretKeyEntry[" + id + "]";
        }
    }

    /** The key pair that signs checkpoints, and its id. */
    public record SigningKey(String id, PrivateKey privateKey, PublicKey publicKey) {
        @Override
        public String toString() {
            return "SigningKey[" + id + "]";
        }
    }

    private final Path dir;
    private final Clock clock;
    private final MacKey activeMac;
    private final SigningKey activeCheckpoint;
    private final SecretKeyEntry activeKek;
    private volatile Map<String, SecretKeyEntry> keks;
    private volatile Map<String, MacKey> macKeys;
    private volatile Map<String, PublicKey> checkpointKeys;

    KeyRing(KeyProperties properties, Clock clock) {
        if (properties.getDir() == null) {
            throw new IllegalStateException("deskledger.keys.dir is not set. With a database other than the embedded"
                    + " one, the application's signing keys must live in a directory you choose, outside the"
                    + " database's data directory (add deskledger.keys.generate=true to create them there at the"
                    + " first start); see README, Replay and audit");
        }
        this.dir = properties.getDir().toAbsolutePath().normalize();
        this.clock = clock;
        boolean generate = properties.isGenerate();
        prepareDirectory(dir, generate);
        prepareDirectory(dir.resolve(EVENT_MAC), generate);
        prepareDirectory(dir.resolve(CHECKPOINT), generate);
        prepareDirectory(dir.resolve(KEK), generate);

        this.macKeys = readMacKeys();
        if (macKeys.isEmpty()) {
            requireGeneration(generate, EVENT_MAC);
            generateMacKey();
            this.macKeys = readMacKeys();
        }
        this.activeMac = active(EVENT_MAC, properties.getEventMac().getActive(), macKeys.keySet())
                .map(macKeys::get).orElseThrow();

        this.checkpointKeys = readCheckpointPublicKeys();
        if (privateKeyIds(CHECKPOINT).isEmpty()) {
            requireGeneration(generate, CHECKPOINT);
            generateCheckpointKey();
            this.checkpointKeys = readCheckpointPublicKeys();
        }
        String checkpointId = active(CHECKPOINT, properties.getCheckpoint().getActive(), privateKeyIds(CHECKPOINT))
                .orElseThrow();
        PublicKey publicKey = checkpointKeys.get(checkpointId);
        if (publicKey == null) {
            throw new IllegalStateException("checkpoint key " + checkpointId + " has no public half: write it with"
                    + " openssl pkey -in " + file(CHECKPOINT, checkpointId, ".key") + " -pubout -out "
                    + file(CHECKPOINT, checkpointId, ".pub"));
        }
        this.activeCheckpoint = new SigningKey(checkpointId, readPrivateKey(file(CHECKPOINT, checkpointId, ".key")),
                publicKey);

        this.keks = readKeks();
        if (keks.isEmpty()) {
            requireGeneration(generate, KEK);
            generateKek();
            this.keks = readKeks();
        }
        this.activeKek = active(KEK, properties.getKek().getActive(), keks.keySet()).map(keks::get).orElseThrow();
        log.info("Keys in {}: events signed with {} key {} ({} known), checkpoints with {} key {} ({} known),"
                + " personal-data keys wrapped with key-encryption key {} ({} known)", dir, MAC_ALGORITHM,
                activeMac.id(), macKeys.size(), SIGNATURE_ALGORITHM, activeCheckpoint.id(), checkpointKeys.size(),
                activeKek.id(), keks.size());
    }

    /** The directory the keys live in. */
    public Path directory() {
        return dir;
    }

    /** The key that signs events appended now. */
    public MacKey activeEventMacKey() {
        return activeMac;
    }

    /** An event MAC key by its id, current or retired; reads the directory again for an id not seen yet. */
    public Optional<MacKey> eventMacKey(String id) {
        MacKey key = macKeys.get(id);
        if (key == null && id != null && ID.matcher(id).matches()) {
            synchronized (this) {
                macKeys = readMacKeys();
                key = macKeys.get(id);
            }
        }
        return Optional.ofNullable(key);
    }

    /** The ids of every event MAC key in the directory. */
    public List<String> eventMacKeyIds() {
        return List.copyOf(macKeys.keySet());
    }

    /** The key-encryption key that wraps personal-data keys made (or wrapped again) now. */
    public SecretKeyEntry activeKek() {
        return activeKek;
    }

    /** A key-encryption key by its id, current or retired; reads the directory again for an id not seen yet. */
    public Optional<SecretKeyEntry> kek(String id) {
        SecretKeyEntry key = keks.get(id);
        if (key == null && id != null && ID.matcher(id).matches()) {
            synchronized (this) {
                keks = readKeks();
                key = keks.get(id);
            }
        }
        return Optional.ofNullable(key);
    }

    /** The key pair that signs checkpoints made now. */
    public SigningKey activeCheckpointKey() {
        return activeCheckpoint;
    }

    /** A checkpoint's public key by its id, from the directory (never from the database or a receipt). */
    public Optional<PublicKey> checkpointPublicKey(String id) {
        PublicKey key = checkpointKeys.get(id);
        if (key == null && id != null && ID.matcher(id).matches()) {
            synchronized (this) {
                checkpointKeys = readCheckpointPublicKeys();
                key = checkpointKeys.get(id);
            }
        }
        return Optional.ofNullable(key);
    }

    /** Every checkpoint public key by id. */
    public Map<String, PublicKey> checkpointPublicKeys() {
        return Collections.unmodifiableMap(checkpointKeys);
    }

    /** PEM text of a public key, as an auditor stores it. */
    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'})
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private Optional<String> active(String kind, String configured, Set<String> ids) {
        if (configured != null && !configured.isBlank()) {
            if (!ids.contains(configured)) {
                throw new IllegalStateException("deskledger.keys." + kind + ".active is " + configured
                        + ", but there is no such key in " + dir.resolve(kind));
            }
            return Optional.of(configured);
        }
        return ids.stream().max(String::compareTo);
    }

    private void requireGeneration(boolean generate, String kind) {
        if (!generate) {
            throw new IllegalStateException("no " + kind + " key in " + dir.resolve(kind) + ": put one there (see"
                    + " README, Replay and audit) or start once with deskledger.keys.generate=true");
        }
    }

    private Map<String, MacKey> readMacKeys() {
        Map<String, MacKey> keys = new TreeMap<>();
        for (Path file : files(EVENT_MAC, ".key")) {
            String id = idOf(file, ".key");
            byte[] secret = decodeBase64(read(file), file);
            if (secret.length < MIN_MAC_KEY_BYTES) {
                throw new IllegalStateException("event MAC key " + file + " holds " + secret.length
                        + " bytes; at least " + MIN_MAC_KEY_BYTES + " are needed");
            }
            keys.put(id, new MacKey(id, new SecretKeySpec(secret, MAC_ALGORITHM)));
        }
        return keys;
    }

    private Map<String, SecretKeyEntry> readKeks() {
        Map<String, SecretKeyEntry> keys = new TreeMap<>();
        for (Path file : files(KEK, ".key")) {
            String id = idOf(file, ".key");
            byte[] secret = decodeBase64(read(file), file);
            if (secret.length != KEK_BYTES) {
                throw new IllegalStateException("key-encryption key " + file + " holds " + secret.length
                        + " bytes; an AES-256 key is " + KEK_BYTES);
            }
            keys.put(id, new SecretKeyEntry(id, new SecretKeySpec(secret, KEK_ALGORITHM)));
        }
        return keys;
    }

    private Map<String, PublicKey> readCheckpointPublicKeys() {
        Map<String, PublicKey> keys = new TreeMap<>();
        for (Path file : files(CHECKPOINT, ".pub")) {
            try {
                keys.put(idOf(file, ".pub"), KeyFactory.getInstance(SIGNATURE_ALGORITHM)
                        .generatePublic(new X509EncodedKeySpec(pemBody(read(file), file))));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(file + " is not an Ed25519 public key (PEM, X.509)", e);
            }
        }
        return keys;
    }

    private Set<String> privateKeyIds(String kind) {
        Set<String> ids = new java.util.TreeSet<>();
        for (Path file : files(kind, ".key")) {
            ids.add(idOf(file, ".key"));
        }
        return ids;
    }

    private PrivateKey readPrivateKey(Path file) {
        try {
            return KeyFactory.getInstance(SIGNATURE_ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(pemBody(read(file), file)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + " is not an Ed25519 private key (PEM, PKCS#8)", e);
        }
    }

    private void generateMacKey() {
        byte[] secret = new byte[MIN_MAC_KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        String id = newId(EVENT_MAC, ".key");
        writeOwnerOnly(file(EVENT_MAC, id, ".key"), Base64.getEncoder().encodeToString(secret) + "\n");
        log.warn("Generated the event MAC key {} in {}. Keep it, and back it up apart from the database: without it"
                + " the signatures it made cannot be checked", id, dir.resolve(EVENT_MAC));
    }

    private void generateKek() {
        byte[] secret = new byte[KEK_BYTES];
        new SecureRandom().nextBytes(secret);
        String id = newId(KEK, ".key");
        writeOwnerOnly(file(KEK, id, ".key"), Base64.getEncoder().encodeToString(secret) + "\n");
        log.warn("Generated the key-encryption key {} in {}. Keep it, and back it up apart from the database: without"
                + " it no personal value in the database can be read", id, dir.resolve(KEK));
    }

    private void generateCheckpointKey() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(SIGNATURE_ALGORITHM).generateKeyPair();
            String id = newId(CHECKPOINT, ".key");
            writeOwnerOnly(file(CHECKPOINT, id, ".pub"), pem(pair.getPublic()));
            writeOwnerOnly(file(CHECKPOINT, id, ".key"), "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            log.warn("Generated the checkpoint key {} in {}. Give auditors its public half ({}.pub or"
                    + " GET /api/audit/keys) and back the private half up apart from the database", id,
                    dir.resolve(CHECKPOINT), id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
        }
    }

    private String newId(String kind, String suffix) {
        String base = GENERATED_ID.format(clock.instant());
        String id = base;
        for (int n = 2; Files.exists(file(kind, id, suffix)); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private Path file(String kind, String id, String suffix) {
        return dir.resolve(kind).resolve(id + suffix);
    }

    private List<Path> files(String kind, String suffix) {
        try (Stream<Path> list = Files.list(dir.resolve(kind))) {
            List<Path> files = list.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> ID.matcher(idOf(p, suffix)).matches())
                    .filter(Files::isRegularFile).sorted().toList();
            files.forEach(KeyRing::warnIfShared);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.resolve(kind), e);
        }
    }

    private static String idOf(Path file, String suffix) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - suffix.length());
    }

    private static void prepareDirectory(Path directory, boolean create) {
        if (Files.isDirectory(directory)) {
            warnIfShared(directory);
            return;
        }
        if (!create) {
            throw new IllegalStateException("the key directory " + directory + " does not exist (create it, owner"
                    + " only, and put the keys there, or start once with deskledger.keys.generate=true)");
        }
        try {
            if (posix(directory.getParent() == null ? directory : directory.getParent())) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
                // createDirectories' attribute is masked by the umask; say it once more
                Files.setPosixFilePermissions(directory, OWNER_ONLY_DIR);
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the key directory " + directory, e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Path temporary = Files.createTempFile(file.getParent(), ".new-", ".tmp");
            try {
                if (posix(temporary)) {
                    Files.setPosixFilePermissions(temporary, OWNER_ONLY_FILE);
                }
                Files.writeString(temporary, content, StandardCharsets.US_ASCII);
                // never replaces a key that exists: a second node that raced us keeps its own
                Files.move(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("a key " + file + " appeared while this one was being made; start again",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key " + file, e);
        }
    }

    private static void warnIfShared(Path path) {
        if (!WARNED.add(path)) {
            return;
        }
        try {
            if (posix(path)) {
                Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
                permissions.retainAll(EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
                        PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE));
                if (!permissions.isEmpty()) {
                    log.warn("{} is open to other users than its owner ({}): chmod {} it", path,
                            PosixFilePermissions.toString(Files.getPosixFilePermissions(path)),
                            Files.isDirectory(path) ? "700" : "600");
                }
            }
        } catch (IOException e) {
            log.warn("cannot read the permissions of {}: {}", path, e.getMessage());
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key " + file, e);
        }
    }

    private static byte[] pemBody(String pem, Path file) {
        return decodeBase64(pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", ""), file);
    }

    private static byte[] decodeBase64(String text, Path file) {
        try {
            return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not base64", e);
        }
    }
}
