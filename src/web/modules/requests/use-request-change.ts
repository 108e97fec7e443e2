import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TRequestDetail } from '../../../shared/requests';
import type { FormErrors } from '@mantine/form';
import { fieldErrorsFrom } from '../../ui/form-errors';
import { requestKeys } from './requests-api';

/**
 * A change to one request (status, referral decision): the answer replaces the cached detail, the
 * lists refresh when next shown, and a 400's field errors go back to the form.
 */
export function useRequestChange<TInput>(options: {
  requestId: string;
  save: (requestId: string, input: TInput) => Promise<TRequestDetail>;
  fields: readonly string[];
  onFieldErrors: (errors: FormErrors) => void;
  onSaved: () => void;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) => options.save(options.requestId, input),
    onSuccess: (updated) => {
      queryClient.setQueryData(requestKeys.detail(options.requestId), updated);
      void queryClient.invalidateQueries({ queryKey: requestKeys.all, refetchType: 'none' });
      options.onSaved();
    },
    onError: (error) => options.onFieldErrors(fieldErrorsFrom(error, options.fields)),
  });
}
