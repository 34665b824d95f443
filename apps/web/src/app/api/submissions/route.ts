import { revalidateSubmissionPages } from '@/server/cache/revalidate-public-pages';
import { wantsJson } from '@/server/http/wants-json';
import { withRoute } from '@/server/http/with-route';
import { submissionRefusal } from '@/server/submissions/submission-refusal';
import { buildSubmitFormUrl } from '@/server/submissions/submit-form-query';
import { submitUpload, uploadMessageContext } from '@/server/submissions/submit-upload';

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location } });
}

/**
 * POST /api/submissions: a multipart upload of one model, by a signed-in user (the /submit
 * form) or with an API token (any HTTP client). The form posted without JavaScript gets
 * redirects: to the new submission, or back to the form with each problem by its field.
 */
export const POST = withRoute(
  // Authentication comes before the body is read: nobody gets us to buffer an upload without
  // being allowed to make one. Signed out, the plain form goes to sign in, then back.
  { name: 'POST /api/submissions', shape: 'api', auth: 'user', signInPath: '/sign-in?next=%2Fsubmit' },
  async (request, { actor }) => {
    const isJson = wantsJson(request.headers.get('accept'));
    const { input, result } = await submitUpload(request, actor.userId);
    if (result.ok) {
      revalidateSubmissionPages();
      const location = `/submissions/${result.id}`;
      if (!isJson) return seeOther(location);
      return Response.json({ id: result.id, status: result.status }, { status: 201, headers: { Location: location } });
    }
    if (!isJson) return seeOther(buildSubmitFormUrl(result.errors, input));
    return submissionRefusal(result, uploadMessageContext());
  },
);
