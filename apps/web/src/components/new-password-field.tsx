'use client';

import { useEffect, useState } from 'react';
import {
  assessPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type PasswordAssessment,
} from '@/lib/password-policy';

type Props = {
  id: string;
  name: string;
  label: string;
  /** What the account says about its owner (email, name): a password built from it is weak. */
  personal: string[];
};

const WAIT_MS = 150;

/**
 * A new-password input with the password rule's advice under it, updated as the person types:
 * the same estimator and minimum score the server applies (src/lib/password-policy.ts).
 */
export function NewPasswordField({ id, name, label, personal }: Props) {
  const [password, setPassword] = useState('');
  const [assessment, setAssessment] = useState<PasswordAssessment | null>(null);
  const personalKey = personal.join('\n');

  useEffect(() => {
    if (!password) {
      setAssessment(null);
      return;
    }
    let isCurrent = true;
    const timer = setTimeout(() => {
      void assessPassword(password, personalKey.split('\n')).then((result) => {
        if (isCurrent) setAssessment(result);
      });
    }, WAIT_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [password, personalKey]);

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        maxLength={MAX_PASSWORD_LENGTH}
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        aria-describedby={`${id}-advice`}
        aria-invalid={assessment ? !assessment.isAcceptable : undefined}
      />
      <p
        id={`${id}-advice`}
        className={assessment && !assessment.isAcceptable ? 'field__error' : 'field__hint'}
        data-testid="password-feedback"
        aria-live="polite"
      >
        {assessment
          ? assessment.advice
          : `At least ${MIN_PASSWORD_LENGTH} characters and hard to guess: a few unrelated words work well.`}
      </p>
    </div>
  );
}
