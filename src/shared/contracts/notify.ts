// Cloud function `notify`: its timer (`timer:notify`, every 5 minutes) writes the reminders that are
// due and sends the outbox as subscribe messages. It has no action the mini-program calls yet.
export const notifyContract = {}
