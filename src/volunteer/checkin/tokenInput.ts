import { TICKET_PREFIX } from '@shared/domain/ticket'

const START = new RegExp(`(?=${TICKET_PREFIX}\\.)`)

/**
 * Splits what the scan box holds into the tickets to check now and the text still being typed.
 *
 * A keyboard-wedge scanner types a ticket fast and ends it with Enter, and it may type the next one
 * before the first is judged; a paste may hold several lines. Every finished line is a ticket; a line
 * that holds two `LLW1.` prefixes (one ticket appended to another) is two tickets. With `submit` (the
 * button) the unfinished rest is a ticket too; otherwise it stays in the box.
 */
export function takeTickets(text: string, submit: boolean): { tokens: string[]; rest: string } {
  const lines = text.split(/\r\n|\r|\n/)
  let rest = submit ? '' : (lines.pop() ?? '')
  const tokens = lines.flatMap((line) => line.split(START))
  if (!submit) {
    // Within the line being typed, a ticket followed by another prefix is finished.
    const parts = rest.split(START)
    rest = parts.pop() ?? ''
    tokens.push(...parts)
  }
  return { tokens: tokens.map((t) => t.trim()).filter(Boolean), rest }
}
