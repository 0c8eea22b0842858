import * as z from 'zod';

// The part of an SES event (configuration set → EventBridge, `detail`) tonghop reads.
// https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html
const Recipient = z.object({ emailAddress: z.string(), diagnosticCode: z.string().optional() });

export const SesMailEvent = z.object({
  eventType: z.string(),
  mail: z.object({
    messageId: z.string(),
    tags: z.record(z.string(), z.array(z.string())).default({}),
  }),
  bounce: z
    .object({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: z.array(Recipient),
    })
    .optional(),
  complaint: z
    .object({
      complainedRecipients: z.array(Recipient),
      complaintFeedbackType: z.string().optional(),
    })
    .optional(),
});
export type SesMailEvent = z.infer<typeof SesMailEvent>;
