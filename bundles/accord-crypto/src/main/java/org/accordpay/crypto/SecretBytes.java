package org.accordpay.crypto;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * Holder of secret key material. The content is zeroed on {@link #close()}; {@link #toString()}
 * never shows it. Not thread-safe against a concurrent close.
 */
public final class SecretBytes implements AutoCloseable {

    private final byte[] bytes;
    private volatile boolean destroyed;

    private SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes ownership of {@code bytes}: the caller must not keep using the array. */
    public static SecretBytes adopt(byte[] bytes) {
        return new SecretBytes(Objects.requireNonNull(bytes, "bytes"));
    }

    /** Copies {@code bytes}; the caller remains responsible for zeroing its own array. */
    public static SecretBytes copyOf(byte[] bytes) {
        return new SecretBytes(Objects.requireNonNull(bytes, "bytes").clone());
    }

    /** Copies a range of {@code bytes}. */
    public static SecretBytes copyOf(byte[] bytes, int offset, int length) {
        return new SecretBytes(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    public int length() {
        return bytes.length;
    }

    /** A copy of the content; zero it after use ({@link #zero(byte[])}). */
    public byte[] copy() {
        check();
        return bytes.clone();
    }

    /** Gives the function direct access to the content without copying; it must not keep the array. */
    public <T> T apply(Function<byte[], T> use) {
        check();
        return use.apply(bytes);
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    private void check() {
        if (destroyed) {
            throw new IllegalStateException("secret already closed");
        }
    }

    /** Zeroes an array, tolerating null. */
    public static void zero(byte[] array) {
        if (array != null) {
            Arrays.fill(array, (byte) 0);
        }
    }

    /** Zeroes a char array, tolerating null. */
    public static void zero(char[] array) {
        if (array != null) {
            Arrays.fill(array, '\0');
        }
    }

    @Override
    public String toString() {
        return "SecretBytes[" + bytes.length + " bytes" + (destroyed ? ", closed]" : "]");
    }

    /** Identity only: secrets are compared with {@link ConstantTime#equals(byte[], byte[])}. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
