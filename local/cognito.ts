import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { POOL_NAME, poolSchema } from '../adapters/cognito-pool.js';
import { faithfulRouter } from './cognito-fidelity.js';
import { resetRouter } from './cognito-reset.js';
import { homeSigningKey, jwtPayload, type SigningKey, signJwt } from './signing-key.js';

export interface LocalCognito {
  url: string;
  userPoolId: string;
  clientId: string;
  /** The issuer the emulator writes into its tokens, and where its public keys are. */
  issuer: string;
  jwksUri: string;
  stop(): Promise<void>;
}

// cognito-local's own starter keeps its data in ./.cognito of the working directory and logs to
// the console; this one keeps it under the tonghop home, silent, with no message delivery of its
// own (tonghop sends the invitation itself, through SES, on AWS as here).
type Tokens = { AccessToken: string; IdToken: string; RefreshToken: string };
interface TokenGenerator {
  generate(...args: unknown[]): Promise<Tokens>;
}

/** The emulator's tokens, with the same claims, signed again with the home's own key. */
function signedWith(key: SigningKey, generator: TokenGenerator): TokenGenerator {
  const again = (token: string) => signJwt(jwtPayload(token), key);
  return {
    async generate(...args) {
      const t = await generator.generate(...args);
      return {
        ...t,
        AccessToken: again(t.AccessToken),
        IdToken: again(t.IdToken),
        RefreshToken: again(t.RefreshToken),
      };
    },
  };
}

/** Sends a forgotten-password code to an address (the stack mails it through SES). */
export type SendCode = (to: string, code: string) => Promise<unknown>;

async function cognitoServer(dir: string, key: SigningKey, sendCode?: SendCode) {
  // cognito-local loads the v2 AWS SDK, which prints an end-of-support notice unless told not to.
  process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1';
  const [
    { Router },
    { createServer: cognitoApp },
    { DefaultConfig },
    { CognitoServiceFactoryImpl },
    { StormDBDataStoreFactory },
    { DateClock, LambdaService, MessagesService, TriggersService },
    { MessageDeliveryService },
    { otp },
    { JwtTokenGenerator },
    { UserPoolServiceFactoryImpl },
    { CryptoService },
    errors,
  ] = await Promise.all([
    import('cognito-local/lib/server/Router.js'),
    import('cognito-local/lib/server/server.js'),
    import('cognito-local/lib/server/config.js'),
    import('cognito-local/lib/services/cognitoService.js'),
    import('cognito-local/lib/services/dataStore/stormDb.js'),
    import('cognito-local/lib/services/index.js'),
    import('cognito-local/lib/services/messageDelivery/messageDelivery.js'),
    import('cognito-local/lib/services/otp.js'),
    import('cognito-local/lib/services/tokenGenerator.js'),
    import('cognito-local/lib/services/userPoolService.js'),
    import('cognito-local/lib/services/crypto.js'),
    import('cognito-local/lib/errors.js'),
  ]);
  const { pino } = await import('pino');
  const logger = pino({ level: 'silent' });
  const ctx = { logger };
  const config = structuredClone(DefaultConfig);
  config.UserPoolDefaults = {};
  const clock = new DateClock();
  const dataStoreFactory = new StormDBDataStoreFactory(dir);
  const cognito = await new CognitoServiceFactoryImpl(
    dir,
    dataStoreFactory,
    new UserPoolServiceFactoryImpl(clock, dataStoreFactory),
  ).create(ctx as never, config.UserPoolDefaults);
  const triggers = new TriggersService(
    clock,
    cognito,
    new LambdaService(config.TriggerFunctions, null as never),
    new CryptoService(config.KMSConfig),
  );
  // The only mail cognito-local sends here is the forgotten-password code: delivered as Cognito
  // would mail it, through SES (the emulator), by the stack's `sendCode`.
  const delivery = {
    sendEmail: async (_ctx: unknown, _user: unknown, to: string, message: { __code?: string }) =>
      sendCode?.(to, message.__code ?? ''),
    sendSms: async () => undefined,
  };
  const services = {
    clock,
    cognito,
    config,
    messages: new MessagesService(triggers, new MessageDeliveryService(delivery as never)),
    otp,
    tokenGenerator: signedWith(
      key,
      new JwtTokenGenerator(clock, triggers, config.TokenConfig) as unknown as TokenGenerator,
    ),
    triggers,
  };
  const router = resetRouter(
    faithfulRouter(Router(services) as never, services as never, errors as never),
    services as never,
    errors as never,
  );
  const app = cognitoApp(router as never, logger as never, config.ServerConfig, services);
  return { application: app.application, tokenConfig: config.TokenConfig };
}

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok((server.address() as AddressInfo).port));
  });
}

/** The tonghop user pool and its app client, made once; later starts find them by name. */
async function ensurePool(client: CognitoIdentityProviderClient) {
  const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let userPoolId = pools.UserPools?.find((p) => p.Name === POOL_NAME)?.Id;
  if (!userPoolId) {
    const made = await client.send(
      new CreateUserPoolCommand({ PoolName: POOL_NAME, Schema: poolSchema() }),
    );
    userPoolId = made.UserPool!.Id!;
  }
  const clients = await client.send(
    new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }),
  );
  let clientId = clients.UserPoolClients?.[0]?.ClientId;
  if (!clientId) {
    const made = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'portal',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    clientId = made.UserPoolClient!.ClientId!;
  }
  return { userPoolId, clientId };
}

/** cognito-local on 127.0.0.1, its data under `home`/cognito. */
export async function startCognito(home: string, sendCode?: SendCode): Promise<LocalCognito> {
  const dir = join(home, 'cognito');
  mkdirSync(dir, { recursive: true });
  const key = homeSigningKey(dir);
  const { application, tokenConfig } = await cognitoServer(dir, key, sendCode);
  // The pool's public keys are the home's key alone, never the emulator's shipped one.
  const server = createServer((req, res) => {
    if (req.method === 'GET' && /^\/[^/]+\/\.well-known\/jwks\.json$/.test(req.url ?? '')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(key.jwks));
      return;
    }
    application(req, res);
  });
  const port = await listen(server);
  const url = `http://127.0.0.1:${port}`;
  // The token generator reads the issuer on each token: it can learn the port after listening.
  tokenConfig.IssuerDomain = url;
  const client = new CognitoIdentityProviderClient({
    endpoint: url,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const { userPoolId, clientId } = await ensurePool(client);
  client.destroy();
  return {
    url,
    userPoolId,
    clientId,
    issuer: `${url}/${userPoolId}`,
    jwksUri: `${url}/${userPoolId}/.well-known/jwks.json`,
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
