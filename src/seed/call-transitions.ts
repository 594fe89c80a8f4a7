/**
 * The steps a live call can take on the clock, by name: what the live engine (src/live/call-progress.ts)
 * applies, and what a moving scenario's script names. Ringing to answered, queued, voicemail or
 * abandoned; talk, hold, transfer (with its child leg), conference joins and leaves; outgoing dials;
 * chats closing; and the hang-up that ends it all with an outcome.
 */
export type Transition =
  | 'answer'
  | 'to-queue'
  | 'ring-agents'
  | 'voicemail'
  | 'voicemail-recorded'
  | 'abandon'
  | 'hang-up'
  | 'hold'
  | 'unhold'
  | 'hang-up-on-hold'
  | 'transfer'
  | 'transfer-answered'
  | 'transfer-unanswered'
  | 'join'
  | 'leave'
  | 'dial-answered'
  | 'dial-no-answer'
  | 'dial-busy'
  | 'close-chat'
  | 'end';
