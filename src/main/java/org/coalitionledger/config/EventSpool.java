package org.coalitionledger.config;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.coalitionledger.storage.SpoolFile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A bulk import's staged output in a file of its own, in the order it was checked: each event already serialized as
 * the event store stores it, each record the record index will hold, and a mark after each command. Read back once,
 * front to back, when the import is written; deleted when the import ends either way.
 */
final class EventSpool implements AutoCloseable {

    private static final int EVENT = 1;
    private static final int RECORD = 2;
    private static final int COMMAND_END = 3;

    /** An event as the event store's row holds it, without its global index (given when it is written). */
    record StagedEvent(String eventId, String aggregateId, long sequenceNumber, String type, Instant timestamp,
                       String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {

        /** The event with its payload and metadata serialized as the event store stores them. */
        static StagedEvent of(DomainEventMessage<?> event, Serializer serializer) {
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            return new StagedEvent(event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                                   event.getType(), event.getTimestamp(), payload.getType().getName(),
                                   payload.getType().getRevision(), payload.getData(), metaData.getData());
        }
    }

    /** What the spool holds, in the order it was staged. */
    interface Reader {

        void event(StagedEvent event);

        void record(String recordId, String aggregateType, String aggregateId);

        void commandEnd();
    }

    private final SpoolFile file;
    private final DataOutputStream out;
    private final Serializer serializer;
    private long events;

    EventSpool(Path directory, Serializer serializer) {
        this.serializer = serializer;
        this.file = SpoolFile.create(directory, "import-events");
        this.out = file.out();
    }

    long events() {
        return events;
    }

    /** The bytes staged so far. */
    long bytes() {
        return file.bytes();
    }

    void event(DomainEventMessage<?> message) {
        StagedEvent event = StagedEvent.of(message, serializer);
        try {
            out.writeByte(EVENT);
            out.writeUTF(event.eventId());
            out.writeUTF(event.aggregateId());
            out.writeLong(event.sequenceNumber());
            writeNullable(event.type());
            out.writeLong(event.timestamp().getEpochSecond());
            out.writeInt(event.timestamp().getNano());
            out.writeUTF(event.payloadType());
            writeNullable(event.payloadRevision());
            writeBytes(event.payload());
            writeBytes(event.metaData());
        } catch (IOException e) {
            throw new SpoolFile.Failure("cannot write to the import spool " + file.path(), e);
        }
        events++;
    }

    void record(String recordId, String aggregateType, String aggregateId) {
        try {
            out.writeByte(RECORD);
            out.writeUTF(recordId);
            out.writeUTF(aggregateType);
            out.writeUTF(aggregateId);
        } catch (IOException e) {
            throw new SpoolFile.Failure("cannot write to the import spool " + file.path(), e);
        }
    }

    void commandEnd() {
        try {
            out.writeByte(COMMAND_END);
        } catch (IOException e) {
            throw new SpoolFile.Failure("cannot write to the import spool " + file.path(), e);
        }
    }

    /** Hands everything staged to {@code reader}, in order; the spool takes nothing more after this. */
    void replay(Reader reader) {
        try (DataInputStream in = file.in()) {
            while (true) {
                int kind;
                try {
                    kind = in.readUnsignedByte();
                } catch (EOFException end) {
                    return;
                }
                switch (kind) {
                    case EVENT -> reader.event(new StagedEvent(
                            in.readUTF(), in.readUTF(), in.readLong(), readNullable(in),
                            Instant.ofEpochSecond(in.readLong(), in.readInt()), in.readUTF(), readNullable(in),
                            readBytes(in), readBytes(in)));
                    case RECORD -> reader.record(in.readUTF(), in.readUTF(), in.readUTF());
                    case COMMAND_END -> reader.commandEnd();
                    default -> throw new IllegalStateException("the import spool " + file.path() + " is damaged");
                }
            }
        } catch (IOException e) {
            throw new SpoolFile.Failure("cannot read the import spool " + file.path(), e);
        }
    }

    /** Deletes the file. */
    @Override
    public void close() {
        file.close();
    }

    private void writeNullable(String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private void writeBytes(byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
