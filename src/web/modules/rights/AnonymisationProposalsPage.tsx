import { Anchor, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ANONYMISATION_PROPOSAL_STATUSES } from '../../../shared/accompaniments';
import { ZAnonymisationProposalStatus } from '../../../shared/rights';
import { formatDate } from '../../app/format';
import { paths } from '../../app/paths';
import { EmptyMessage } from '../../ui/EmptyMessage';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingState } from '../../ui/LoadingState';
import { PageHeader } from '../../ui/PageHeader';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { TablePagination } from '../../ui/TablePagination';
import { pageFrom, withParams } from '../admin/search-params';
import { personKeys } from '../persons/persons-api';
import { Facts } from '../persons/ui/Facts';
import { ReasonDialog } from './ReasonDialog';
import { RightsNav } from './RightsNav';
import { confirmProposal, fetchProposals, rejectProposal, rightsKeys, type TProposal, type TProposalQuery } from './rights-api';

const PAGE_SIZE = 20;
const STATUS_COLORS = { proposed: 'orange', confirmed: 'gray', rejected: 'passerelle' } as const;
type TDecision = { proposal: TProposal; kind: 'confirm' | 'reject' };

function ProposalCard({ proposal, onDecide }: { proposal: TProposal; onDecide: (decision: TDecision) => void }) {
  const { t } = useTranslation(['rights', 'persons']);
  const name = proposal.person.displayName;
  return (
    <Paper component="article" withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h4" style={{ flex: '1 1 12rem', minWidth: 0 }}>
            <Anchor component={Link} to={paths.person(proposal.person.id)} className="break-anywhere">
              {name}
            </Anchor>
          </Title>
          <Badge component="span" color={STATUS_COLORS[proposal.status]} tt="none">
            {t(`proposals.status.${proposal.status}`)}
          </Badge>
        </Group>
        <Facts
          facts={[
            { label: t('proposals.departement'), value: `${proposal.person.departement} — ${t(`persons:departements.${proposal.person.departement}`)}` },
            { label: t('proposals.lastContact'), value: proposal.lastContactAt ? formatDate(proposal.lastContactAt) : t('proposals.noContact') },
            { label: t('proposals.proposedAt'), value: formatDate(proposal.proposedAt) },
            ...(proposal.decidedAt
              ? [{ label: t('proposals.decided'), value: [formatDate(proposal.decidedAt), proposal.decidedBy?.name].filter(Boolean).join(' — ') }]
              : []),
            ...(proposal.reason ? [{ label: t('proposals.reason'), value: proposal.reason, wide: true }] : []),
          ]}
        />
        {proposal.status === 'proposed' && (
          <Group gap="sm">
            <Button color="red" onClick={() => onDecide({ proposal, kind: 'confirm' })} aria-label={t('proposals.confirmLabel', { name })}>
              {t('proposals.confirm')}
            </Button>
            <Button variant="default" onClick={() => onDecide({ proposal, kind: 'reject' })} aria-label={t('proposals.rejectLabel', { name })}>
              {t('proposals.reject')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * Records whose retention period is over (2 years without contact, DOMAIN §9.2), proposed by the
 * nightly job: a coordinator confirms (the record is anonymised) or rejects with a reason.
 */
export function AnonymisationProposalsPage() {
  const { t } = useTranslation('rights');
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [decision, setDecision] = useState<TDecision | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const status = ZAnonymisationProposalStatus.safeParse(params.get('etat')).data ?? 'proposed';
  const query: TProposalQuery = { page: pageFrom(params), pageSize: PAGE_SIZE, status };
  const list = useQuery({ queryKey: rightsKeys.proposalList(query), queryFn: ({ signal }) => fetchProposals(query, signal), placeholderData: keepPreviousData });
  const mutation = useMutation({
    mutationFn: async ({ kind, id, reason }: { kind: TDecision['kind']; id: string; reason: string | undefined }) => {
      if (kind === 'confirm') await confirmProposal(id, reason);
      else await rejectProposal(id, reason ?? '');
    },
    onSuccess: (_, variables) => {
      const name = decision?.proposal.person.displayName ?? '';
      setDecision(null);
      setNotice(variables.kind === 'confirm' ? t('proposals.confirmed', { name }) : t('proposals.rejected', { name }));
      void queryClient.invalidateQueries({ queryKey: rightsKeys.proposals });
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
    },
  });
  const name = decision?.proposal.person.displayName ?? '';
  return (
    <Stack gap="md">
      <PageHeader title={t('proposals.title')} description={t('proposals.description')} />
      <RightsNav />
      {notice && <SuccessAlert onClose={() => setNotice(null)}>{notice}</SuccessAlert>}
      <Group align="flex-end" role="search" aria-label={t('proposals.filters')}>
        <NativeSelect
          label={t('proposals.statusLabel')}
          value={status}
          onChange={(event) => setParams(withParams(params, { etat: event.currentTarget.value === 'proposed' ? '' : event.currentTarget.value }), { replace: true })}
          data={ANONYMISATION_PROPOSAL_STATUSES.map((value) => ({ value, label: t(`proposals.status.${value}`) }))}
          style={{ flex: '0 1 16rem' }}
        />
      </Group>
      <Text role="status" size="sm" fw={600}>
        {list.data ? t('proposals.count', { count: list.data.total }) : ''}
      </Text>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <LoadingState />}
      {list.data &&
        (list.data.total === 0 ? (
          <EmptyMessage title={t('proposals.empty')} hint={t('proposals.emptyHint')} />
        ) : (
          <>
            <SimpleGrid component="ul" cols={{ base: 1, md: 2 }} spacing="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('proposals.caption')}>
              {list.data.items.map((proposal) => (
                <li key={proposal.id}>
                  <ProposalCard
                    proposal={proposal}
                    onDecide={(next) => {
                      mutation.reset();
                      setNotice(null);
                      setDecision(next);
                    }}
                  />
                </li>
              ))}
            </SimpleGrid>
            <TablePagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onChange={(page) => setParams(withParams(params, { page }))} />
          </>
        ))}
      <ReasonDialog
        key={decision ? `${decision.kind}-${decision.proposal.id}` : 'closed'}
        opened={decision !== null}
        title={decision?.kind === 'confirm' ? t('proposals.confirmTitle', { name }) : t('proposals.rejectTitle', { name })}
        reasonLabel={t('proposals.reasonLabel')}
        reasonHint={decision?.kind === 'confirm' ? t('proposals.confirmReasonHint') : t('proposals.rejectReasonHint')}
        reasonRequired={decision?.kind === 'reject'}
        acknowledgement={decision?.kind === 'confirm' ? t('anonymise.acknowledge') : undefined}
        confirmLabel={decision?.kind === 'confirm' ? t('proposals.confirmAction') : t('proposals.rejectAction')}
        danger={decision?.kind === 'confirm'}
        loading={mutation.isPending}
        error={mutation.error}
        onCancel={() => setDecision(null)}
        onConfirm={(reason) => decision && mutation.mutate({ kind: decision.kind, id: decision.proposal.id, reason })}
      >
        {decision?.kind === 'confirm' ? t('anonymise.explain') : t('proposals.rejectExplain')}
      </ReasonDialog>
    </Stack>
  );
}
