package dev.sextant.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One Sextant per data folder. The lock is an operating-system file lock, which the OS releases when the
 * process ends for any reason, so a crash never leaves a lock that blocks the next start; the file also
 * holds the owner's process id for the message a second instance shows.
 */
public final class InstanceLock implements AutoCloseable {

    static final String FILE_NAME = "sextant.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @throws StoreException ALREADY_RUNNING when another process holds the folder, UNWRITABLE when the
     *                        folder cannot be written
     */
    public static InstanceLock acquire(Path home) {
        Path file = home.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(home);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String owner = readOwner(channel);
                channel.close();
                throw new StoreException(StoreException.Problem.ALREADY_RUNNING, "Sextant is already running with the data folder "
                        + home + (owner.isEmpty() ? "" : " (process " + owner + ")")
                        + ". Switch to that window, or start this one with another folder (--home or SEXTANT_HOME).", null, null);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new InstanceLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException(StoreException.Problem.UNWRITABLE, "Sextant cannot write to its data folder " + home
                    + " (" + e.getMessage() + "). Check the folder's permissions, or choose another with --home or SEXTANT_HOME.",
                    null, e);
        }
    }

    private static String readOwner(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // released with the channel below
        }
        closeQuietly(channel);
    }
}
