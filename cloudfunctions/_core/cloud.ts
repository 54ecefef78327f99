// The one place that initialises wx-server-sdk. In WeChat Cloud the environment is the one the
// function runs in; locally the same SDK is pointed at the local cloud by environment variables.
import cloud from 'wx-server-sdk'

let initialised = false

export function getCloud(): typeof cloud {
  if (!initialised) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    initialised = true
  }
  return cloud
}

export type Database = ReturnType<typeof cloud.database>
/** The database's query and update operators (db.command). */
export type Command = Database['command']

export function getDb(): Database {
  return getCloud().database()
}
