// Runs before every test file: the local database refuses any query that no index declared in
// config/environment.ts covers (MongoDB's notablescan; localcloud/db/coverage.ts), and says so on
// stderr, so a function that catches the error still shows it and the test sees the failure.
// LOCALCLOUD_NOTABLESCAN=0 only records the shapes (with LOCALCLOUD_QUERY_LOG=file, to list them all).
process.env.LOCALCLOUD_NOTABLESCAN ??= '1'
