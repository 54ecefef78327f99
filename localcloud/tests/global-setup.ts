// Function and gateway tests run the bundled functions, exactly what is uploaded: build them first.
import { buildFunctions } from '../scripts/build-functions'

export default async function globalSetup(): Promise<void> {
  await buildFunctions()
}
