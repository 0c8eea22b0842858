/** A message that failed its queue's maxReceiveCount times and waits for a person. */
export interface DeadLetter {
  messageId: string;
  receiveCount: number;
  body: string;
}

/** The ingest queue's dead-letter queue: SQS on AWS, the disk queue on the embedded stack. */
export interface DeadLetterQueue {
  /** What waits there, without taking it out. */
  list(): Promise<DeadLetter[]>;
  /** Sends every message back to its queue; returns how many went. */
  redrive(): Promise<number>;
}
