/** What travels to a cloud function: the function name and its event (both transports send it). */
export interface CloudRequest {
  fn: string
  action: string
  input: unknown
}
