package dev.sextant.query;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one result that have been read so far, with bounded memory: rows are kept in blocks,
 * the most recently used blocks stay in memory, and older ones are written once to a temporary file
 * and read back when the user pages back to them. The file is deleted on {@link #close()}.
 */
public final class RowStore implements AutoCloseable {

    static final int BLOCK_ROWS = 100;

    private final int maxBlocksInMemory;
    private final Path spillDir;
    private final List<Block> blocks = new ArrayList<>();
    private final LinkedHashMap<Integer, List<Object[]>> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long size;
    private Path spillFile;
    private RandomAccessFile spill;

    private static final class Block {
        long offset = -1;
        int length;
        int writtenRows;
    }

    /**
     * @param maxRowsInMemory how many rows may stay on the heap (rounded up to whole blocks)
     * @param spillDir        where the temporary file goes
     */
    public RowStore(int maxRowsInMemory, Path spillDir) {
        this.maxBlocksInMemory = Math.max(2, (maxRowsInMemory + BLOCK_ROWS - 1) / BLOCK_ROWS);
        this.spillDir = spillDir;
    }

    /** Number of rows stored (in memory or on disk). */
    public synchronized long size() {
        return size;
    }

    /** Number of rows currently on the heap; never more than the budget plus one block. */
    public synchronized long rowsInMemory() {
        return cache.values().stream().mapToLong(List::size).sum();
    }

    public synchronized void append(List<Object[]> rows) {
        for (Object[] row : rows) {
            int blockIndex = (int) (size / BLOCK_ROWS);
            if (blockIndex == blocks.size()) {
                blocks.add(new Block());
                cache.put(blockIndex, new ArrayList<>(BLOCK_ROWS));
                evictIfNeeded(blockIndex);
            }
            List<Object[]> block = load(blockIndex);
            block.add(row);
            size++;
        }
    }

    /** Rows {@code from} (inclusive) to {@code from + count} (exclusive), cut at the end of what is stored. */
    public synchronized List<Object[]> rows(long from, int count) {
        List<Object[]> out = new ArrayList<>(count);
        long end = Math.min(size, from + count);
        for (long i = from; i < end; ) {
            int blockIndex = (int) (i / BLOCK_ROWS);
            List<Object[]> block = load(blockIndex);
            int start = (int) (i % BLOCK_ROWS);
            int stop = (int) Math.min(block.size(), start + (end - i));
            out.addAll(block.subList(start, stop));
            i += stop - start;
        }
        return out;
    }

    private List<Object[]> load(int blockIndex) {
        List<Object[]> rows = cache.get(blockIndex);
        if (rows != null) {
            return rows;
        }
        Block b = blocks.get(blockIndex);
        try {
            byte[] bytes = new byte[b.length];
            spill.seek(b.offset);
            spill.readFully(bytes);
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                Object[][] read = (Object[][]) in.readObject();
                rows = new ArrayList<>(List.of(read));
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new UncheckedIOException("Could not read rows back from the temporary file",
                    e instanceof IOException io ? io : new IOException(e));
        }
        cache.put(blockIndex, rows);
        evictIfNeeded(blockIndex);
        return rows;
    }

    /** Moves the least recently used blocks out of memory, writing each to the file the first time. */
    private void evictIfNeeded(int keep) {
        while (cache.size() > maxBlocksInMemory) {
            Map.Entry<Integer, List<Object[]>> eldest = cache.entrySet().iterator().next();
            if (eldest.getKey() == keep) {
                break;
            }
            Block b = blocks.get(eldest.getKey());
            if (b.offset < 0 || b.writtenRows != eldest.getValue().size()) {
                write(b, eldest.getValue());
            }
            cache.remove(eldest.getKey());
        }
    }

    private void write(Block b, List<Object[]> rows) {
        try {
            if (spill == null) {
                Files.createDirectories(spillDir);
                spillFile = Files.createTempFile(spillDir, "result-", ".rows");
                spillFile.toFile().deleteOnExit();
                spill = new RandomAccessFile(spillFile.toFile(), "rw");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(rows.toArray(new Object[0][]));
            }
            b.offset = spill.length();
            b.length = bytes.size();
            b.writtenRows = rows.size();
            spill.seek(b.offset);
            spill.write(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write rows to a temporary file in " + spillDir, e);
        }
    }

    @Override
    public synchronized void close() {
        cache.clear();
        blocks.clear();
        size = 0;
        try {
            if (spill != null) {
                spill.close();
                Files.deleteIfExists(spillFile);
            }
        } catch (IOException e) {
            // the file is also marked delete-on-exit
        } finally {
            spill = null;
        }
    }
}
