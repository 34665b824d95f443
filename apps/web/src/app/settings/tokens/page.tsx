import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getEnv } from '@/env';
import { formatDateTime } from '@/lib/format';
import { getViewer } from '@/server/auth/get-viewer';
import { getRequestDb } from '@/server/db';
import { listApiTokens } from '@/server/tokens/list-api-tokens';
import { RevokeTokenButton } from './revoke-token-button.tsx';
import { TokenCreator } from './token-creator.tsx';

export const metadata: Metadata = { title: 'API tokens' };

export default async function TokensPage() {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in?next=%2Fsettings%2Ftokens');
  const tokens = await listApiTokens(await getRequestDb(), viewer.userId);

  return (
    <>
      <section>
        <p className="eyebrow">Settings</p>
        <h1>API tokens</h1>
        <p className="lead">
          For the CLI and scripts: send a token as <code>Authorization: Bearer tf_…</code>. A token acts as you, so keep
          it secret and revoke it when you no longer need it. Tenfold stores only its hash: copy it when it is shown.
        </p>
        <p className="muted small">
          Example:{' '}
          <code className="break-anywhere" data-testid="token-example">
            {`curl -H "Authorization: Bearer $TENFOLD_TOKEN" -F dataset=mnist -F modelName=LeNet -F file=@model.onnx ${getEnv().APP_URL.replace(/\/+$/, '')}/api/v1/submissions`}
          </code>
        </p>
      </section>

      <TokenCreator />

      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Your tokens</h2>
        {tokens.length === 0 ? (
          <p className="muted">No tokens yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="token-list">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Token</th>
                  <th scope="col" className="hide-narrow">
                    Created
                  </th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id} data-testid="token-row" data-token-id={token.id}>
                    <td>{token.name}</td>
                    <td className="mono">{token.prefix}…</td>
                    <td className="hide-narrow muted">{formatDateTime(token.createdAt)}</td>
                    <td className="muted" data-testid="token-last-used">
                      {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'never'}
                    </td>
                    <td className="actions-cell">
                      {token.revokedAt ? (
                        <span className="badge badge--cancelled" data-testid="token-revoked">
                          Revoked
                        </span>
                      ) : (
                        <RevokeTokenButton tokenId={token.id} name={token.name} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
