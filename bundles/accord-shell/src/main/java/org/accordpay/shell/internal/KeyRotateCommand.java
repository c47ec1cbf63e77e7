package org.accordpay.shell.internal;

import org.accordpay.api.challenge.KeyRotation;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code accord:kek-rotate}: adds a key-encryption key version and re-encrypts every customer's and
 * merchant's table under it. Resumable: {@code --resume} only finishes the re-encryption after a crash.
 */
@Service
@Command(scope = "accord", name = "kek-rotate",
        description = "Rotates the key-encryption key and re-encrypts every stored identification table")
public final class KeyRotateCommand implements Action {

    @Reference
    KeyRotation rotation;

    @Option(name = "--resume", description = "Do not add a version: finish re-encrypting under the current one")
    boolean resume;

    @Option(name = "--batch", description = "Customers per batch")
    int batch = 200;

    @Override
    public Object execute() {
        int version = resume ? rotation.currentVersion() : rotation.rotate();
        System.out.println("key-encryption key version " + version + (resume ? " (resuming)" : " (new)"));
        long total = 0;
        int done;
        while ((done = rotation.rewrap(batch)) > 0) {
            total += done;
            System.out.println("re-encrypted " + total + " table(s)");
        }
        System.out.println("done: every table is under version " + version);
        return null;
    }
}
