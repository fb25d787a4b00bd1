package io.accessplane.audit.ingest;

/** A Kafka record that is not a CloudEvent we can store; it goes to the dead-letter topic. */
public class UndecodableRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    public UndecodableRecordException(String reason) {
        super(reason);
    }
}
