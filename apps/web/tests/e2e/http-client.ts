import { buildLinearOnnxModel } from '@tenfold/scoring/testing';

export type Credentials = { cookie?: string; token?: string };

export type ApiRequest = {
  method: string;
  path: string;
  json?: unknown;
  form?: FormData;
  /** Defaults to the app's own origin, as a browser on the site would send it. */
  origin?: string | null;
  headers?: Record<string, string>;
};

/** A request as a browser page of the app (cookie + Origin) or a script (Bearer) makes it. */
export async function callApp(baseUrl: string, credentials: Credentials, request: ApiRequest): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  const origin = request.origin === undefined ? baseUrl : request.origin;
  if (origin !== null) headers.Origin = origin;
  if (credentials.cookie) headers.Cookie = credentials.cookie;
  if (credentials.token) headers.Authorization = `Bearer ${credentials.token}`;
  let body: BodyInit | undefined;
  if (request.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(request.json);
  } else if (request.form) {
    body = request.form;
  }
  return fetch(`${baseUrl}${request.path}`, { method: request.method, headers, body, redirect: 'manual' });
}

export type SignedUpUser = { userId: string; email: string; password: string; cookie: string };

/** Signs up through better-auth's real endpoint and keeps the session cookie it sets. */
export async function signUpOverHttp(baseUrl: string, name: string): Promise<SignedUpUser> {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const password = `pw-${crypto.randomUUID()}`;
  const response = await callApp(
    baseUrl,
    {},
    { method: 'POST', path: '/api/auth/sign-up/email', json: { name, email, password } },
  );
  if (response.status !== 200) throw new Error(`sign-up of ${email}: HTTP ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  return { userId: body.user.id, email, password, cookie };
}

/** Weights 0 and a bias for class 1: a valid ONNX model that predicts "1" for every image. */
export function buildAlwaysOneModel(): Uint8Array<ArrayBuffer> {
  const bias = new Float32Array(10);
  bias[1] = 1;
  return new Uint8Array(buildLinearOnnxModel({ weights: new Float32Array(784 * 10), bias }));
}

export function uploadForm(fields: Record<string, string>, file = buildAlwaysOneModel()): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries({ dataset: 'mnist', ...fields })) form.set(key, value);
  form.set('file', new File([file], 'model.onnx'));
  return form;
}

/** Uploads a model as `credentials` and returns the new submission's id. */
export async function uploadModel(
  baseUrl: string,
  credentials: Credentials,
  fields: Record<string, string>,
): Promise<{ submissionId: string }> {
  const response = await callApp(baseUrl, credentials, {
    method: 'POST',
    path: '/api/submissions',
    form: uploadForm(fields),
  });
  if (response.status !== 201) throw new Error(`upload: HTTP ${response.status} ${await response.text()}`);
  return { submissionId: ((await response.json()) as { id: string }).id };
}
