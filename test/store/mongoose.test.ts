/**
 * The contract against a real MongoDB, when MONGODB_URI names one (each test gets its own database, dropped after).
 * Without it the suite is reported as pending with a visible notice, never silently passed.
 */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { openMongooseStore } from '../../server/store/adapters/mongoose/index.js';
import { describeDocumentStoreContract } from './contract.js';
import { testSchemas } from './fixtures/schemas.js';

const uri = process.env.MONGODB_URI;

/** The same server, a fresh database name (works for mongodb:// and mongodb+srv://). */
function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

describe('MongoDB adapter', function () {
  before(function () {
    if (!uri) {
      console.log('  (MongoDB contract suite not run: MONGODB_URI is unset)');
      this.skip();
    }
  });

  describeDocumentStoreContract('mongodb', async () => {
    const dbUri = withDatabase(uri ?? '', `zonematch_contract_${randomBytes(6).toString('hex')}`);
    const store = await openMongooseStore({ uri: dbUri, schemas: testSchemas, connectTimeoutMs: 5000 });
    return {
      store,
      cleanup: async () => {
        await store.close();
        const conn = await mongoose.createConnection(dbUri, { serverSelectionTimeoutMS: 5000 }).asPromise();
        try {
          await conn.dropDatabase();
        } finally {
          await conn.close();
        }
      },
    };
  });
});
