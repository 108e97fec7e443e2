import PDFDocument from 'pdfkit';
import type { TPersonExport } from '../../../../shared/rights';
import { FR } from './labels';
import { frenchDate, frenchDateTime, frenchDuration, winAnsi } from './french';

type Doc = InstanceType<typeof PDFDocument>;
const MARGIN = 56;

/** Small writing helpers: one heading style, one "label : value" line, one note for empty sections. */
function writer(doc: Doc) {
  const write = (text: string, font = 'Helvetica', size = 10.5) => doc.font(font).fontSize(size).text(winAnsi(text));
  return {
    title(text: string) {
      write(text, 'Helvetica-Bold', 18);
      doc.moveDown(0.3);
    },
    heading(text: string) {
      doc.moveDown(0.8);
      if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
      write(text, 'Helvetica-Bold', 14);
      const y = doc.y + 2;
      doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).lineWidth(0.5).strokeColor('#888888').stroke();
      doc.moveDown(0.5);
    },
    subheading(text: string) {
      doc.moveDown(0.4);
      write(text, 'Helvetica-Bold', 12);
      doc.moveDown(0.2);
    },
    field(label: string, value: string | number | null | undefined) {
      if (value === null || value === undefined || value === '') return;
      doc.font('Helvetica-Bold').fontSize(10.5).text(winAnsi(`${label} : `), { continued: true });
      doc.font('Helvetica').text(winAnsi(String(value)));
    },
    paragraph(text: string) {
      write(text);
      doc.moveDown(0.3);
    },
    item(text: string) {
      doc.font('Helvetica').fontSize(10.5).text(winAnsi(`•  ${text}`), { indent: 8 });
    },
    quote(text: string) {
      doc.font('Helvetica-Oblique').fontSize(10.5).text(winAnsi(text), { indent: 16 });
      doc.moveDown(0.3);
    },
    none(text = 'Aucune information enregistrée.') {
      write(text, 'Helvetica-Oblique');
    },
  };
}
type Writer = ReturnType<typeof writer>;

const displayName = (person: TPersonExport['person']) =>
  [person.firstName ?? person.pseudonym, person.firstName && person.pseudonym ? `« ${person.pseudonym} »` : null, person.lastName].filter(Boolean).join(' ');

function identity(w: Writer, data: TPersonExport) {
  const person = data.person;
  w.heading('1. Votre identité et votre situation');
  w.field('Prénom', person.firstName);
  w.field('Pseudonyme', person.pseudonym);
  w.field('Nom', person.lastName);
  w.field('Téléphone', person.phone);
  w.field('E-mail', person.email);
  w.field('Moyen de contact préféré', person.preferredChannel ? FR.contactChannel[person.preferredChannel] : null);
  w.field('Commune', `${person.communeName} (code INSEE ${person.communeInsee}, département ${person.departement})`);
  w.field('Année de naissance', person.birthYear);
  w.field('Logement', FR.housing[person.housing]);
  w.field('Situation professionnelle', FR.employment[person.employment]);
  w.field('Dernier contact avec l’équipe', person.lastContactAt ? frenchDate(person.lastContactAt) : 'aucun pour l’instant');
  w.field('Fiche créée le', frenchDateTime(person.createdAt));
  w.field('Dernière modification le', frenchDateTime(person.updatedAt));
  if (person.anonymisedAt) {
    w.field('Fiche anonymisée le', frenchDateTime(person.anonymisedAt));
    w.field('Raison', person.anonymisationReason);
  }
  w.subheading('Structures qui vous accompagnent');
  if (person.structures.length === 0) w.none();
  for (const structure of person.structures) w.item(`${FR.structureType[structure.type] ?? structure.type} : ${structure.name}`);
  w.subheading('Vos pairs référents');
  if (data.referents.length === 0) w.none('Aucun pair référent.');
  for (const referent of data.referents) w.item(referent.name);
}

function consents(w: Writer, data: TPersonExport) {
  w.heading('2. Vos consentements');
  if (data.consents.length === 0) w.none('Aucun consentement enregistré.');
  for (const consent of data.consents) {
    w.subheading(FR.consentPurpose[consent.purpose]);
    w.field('Donné le', frenchDateTime(consent.collectedAt));
    w.field('De quelle manière', FR.consentMethod[consent.method]);
    w.field('Recueilli par', consent.collectedByName);
    w.field('Version du texte', consent.textVersion);
    w.field('Portée', consent.scope);
    w.field('Destinataires', consent.recipients);
    w.field('Valable jusqu’au', consent.validUntil ? frenchDate(consent.validUntil) : null);
    w.field('Retiré le', consent.withdrawnAt ? frenchDateTime(consent.withdrawnAt) : null);
    w.field('Comment', consent.withdrawnHow);
  }
}

function requests(w: Writer, data: TPersonExport) {
  w.heading('3. Vos demandes d’accompagnement');
  if (data.requests.length === 0) w.none('Aucune demande enregistrée.');
  for (const request of data.requests) {
    w.subheading(`Demande ${request.reference}, reçue le ${frenchDateTime(request.receivedAt)}`);
    w.field('Origine', FR.requestSource[request.source]);
    w.field('Urgence', FR.requestUrgency[request.urgency]);
    w.field('Statut', FR.requestStatus[request.status]);
    w.field('Comment vous joindre', request.contactMethod ? FR.requestContact[request.contactMethod] : null);
    w.field('Ce que vous attendiez', request.hopes);
    w.field('Vos disponibilités', request.preferredTimes);
    w.field('Structure qui vous a orienté·e', request.referringStructure);
    w.field('Motif de l’orientation', request.referralReason);
    w.field('Service d’urgences', request.emergencySite);
    w.field('Contact aux urgences', request.emergencyContact);
    w.field('Réponse à l’orientation', request.decision ? FR.referralDecision[request.decision] : null);
    w.field('Motif de la réponse', request.decisionReason);
    w.field('Relais proposé', [request.handoffTo, request.handoffStructure].filter(Boolean).join(', '));
    w.field('Orientée vers', request.redirectedTo);
    w.field('Raison de la clôture', request.closedReason);
    w.field('Premier contact le', request.firstContactAt ? frenchDateTime(request.firstContactAt) : null);
    for (const event of request.events) {
      const from = event.fromStatus ? `${FR.requestStatus[event.fromStatus]} → ` : '';
      w.item(`${frenchDateTime(event.at)} : ${from}${FR.requestStatus[event.toStatus]}${event.byName ? ` (par ${event.byName})` : ''}`);
    }
  }
}

function accompaniment(w: Writer, item: TPersonExport['accompaniments'][number], index: number) {
  w.subheading(`Accompagnement n° ${index + 1}, ouvert le ${frenchDate(item.openedAt)} : ${FR.accompanimentStatus[item.status].toLowerCase()}`);
  w.field('Dernier contact', item.lastContactAt ? frenchDate(item.lastContactAt) : null);
  w.field('Terminé le', item.closedAt ? frenchDate(item.closedAt) : null);
  w.field('Raison', item.closingReason ? FR.closingReason[item.closingReason] : null);
  w.field('Précision', item.closingNote);
  w.field('Pairs', item.peers.map((peer) => `${peer.name}${peer.asVolunteer ? ' (bénévole)' : ''}${peer.endedAt ? ` jusqu’au ${frenchDate(peer.endedAt)}` : ''}`).join(', ') || 'aucun');
  w.paragraph('Étapes :');
  for (const event of item.statusEvents) {
    const from = event.fromStatus ? `${FR.accompanimentStatus[event.fromStatus]} → ` : '';
    w.item(`${frenchDateTime(event.at)} : ${from}${FR.accompanimentStatus[event.toStatus]}${event.byName ? ` (par ${event.byName})` : ''}`);
  }
  w.paragraph('Vos objectifs :');
  if (item.goals.length === 0) w.none('Aucun objectif noté.');
  for (const goal of item.goals) w.item(`${goal.wording} (${FR.goalStatus[goal.status].toLowerCase()}, noté le ${frenchDate(goal.createdAt)})`);
  w.paragraph('Rencontres et échanges :');
  if (item.interventions.length === 0) w.none('Aucune rencontre enregistrée.');
  for (const intervention of item.interventions) {
    const where = intervention.place ? `, ${intervention.place}` : '';
    const who = intervention.peers.length > 0 ? `, avec ${intervention.peers.join(' et ')}` : '';
    w.item(`${frenchDateTime(intervention.occurredAt)} : ${FR.interventionType[intervention.type]}, ${frenchDuration(intervention.durationMinutes)}${where}${who}`);
  }
  w.paragraph('Rendez-vous :');
  if (item.appointments.length === 0) w.none('Aucun rendez-vous enregistré.');
  for (const appointment of item.appointments) {
    w.item(`${frenchDateTime(appointment.startsAt)} : ${FR.appointmentStatus[appointment.status].toLowerCase()}${appointment.place ? `, ${appointment.place}` : ''}`);
  }
  w.paragraph('Notes écrites par l’équipe :');
  if (item.notes.length === 0) w.none('Aucune note.');
  for (const note of item.notes) {
    w.item(`${frenchDateTime(note.writtenAt)}, par ${note.author.name} (${FR.noteConfidentiality[note.confidentiality].toLowerCase()}) :`);
    w.quote(note.body);
  }
  if (item.messages.length > 0) {
    w.paragraph('Messages échangés sur le portail :');
    for (const message of item.messages) {
      w.item(`${frenchDateTime(message.sentAt)}, de ${message.author.name} :`);
      w.quote(message.body);
    }
  }
}

function accompaniments(w: Writer, data: TPersonExport) {
  w.heading('4. Vos accompagnements');
  if (data.accompaniments.length === 0) w.none('Aucun accompagnement.');
  data.accompaniments.forEach((item, index) => accompaniment(w, item, index));
}

function recontact(w: Writer, data: TPersonExport) {
  w.heading('5. Si nous perdons le contact');
  const preferences = data.recontactPreferences;
  if (!preferences) w.none('Vous n’avez pas encore dit comment vous souhaitez être recontacté·e.');
  if (preferences) {
    if (preferences.doNotContact) w.paragraph('Vous avez demandé à ne pas être recontacté·e. Ce souhait est respecté.');
    w.field('Moyens que vous avez autorisés', preferences.allowedChannels.map((channel) => FR.outreachChannel[channel]).join(', ') || 'aucun');
    w.field('Personne à contacter de votre part', preferences.preferredContactName);
    w.field('Vos souhaits', preferences.wishes);
    w.field('Enregistré le', frenchDateTime(preferences.recordedAt));
  }
  for (const outreach of data.outreachCases) {
    w.subheading(`Perte de contact constatée le ${frenchDate(outreach.flaggedAt)} : ${FR.ruptureSignal[outreach.signal].toLowerCase()}`);
    w.field('Issue', FR.outreachStatus[outreach.status]);
    w.field('Le', outreach.closedAt ? frenchDate(outreach.closedAt) : null);
    w.field('Précision', outreach.outcomeNote);
    for (const attempt of outreach.attempts) {
      w.item(`${frenchDateTime(attempt.at)} : ${FR.outreachChannel[attempt.channel]}, ${FR.outreachResult[attempt.result].toLowerCase()} (par ${attempt.byName})${attempt.note ? ` : ${attempt.note}` : ''}`);
    }
  }
}

function rights(w: Writer, data: TPersonExport) {
  w.heading('6. Vos demandes sur vos données');
  if (data.rightsRequests.length === 0) w.none('Aucune demande enregistrée.');
  for (const request of data.rightsRequests) {
    w.subheading(`${FR.rightsType[request.type]}, reçue le ${frenchDate(request.receivedAt)}`);
    w.field('Réponse due au plus tard le', frenchDate(request.dueAt));
    w.field('Vérification d’identité', request.identityCheck);
    w.field('Répondue le', request.answeredAt ? frenchDate(request.answeredAt) : 'pas encore');
    w.field('Réponse', request.outcome);
  }
  if (data.anonymisationProposals.length > 0) {
    w.subheading('Durée de conservation de votre dossier');
    for (const proposal of data.anonymisationProposals) {
      w.item(`Anonymisation proposée le ${frenchDate(proposal.proposedAt)} : ${FR.proposalStatus[proposal.status].toLowerCase()}${proposal.reason ? ` (${proposal.reason})` : ''}`);
    }
  }
}

function readers(w: Writer, data: TPersonExport) {
  w.heading('7. Qui a consulté votre dossier');
  w.paragraph('Chaque consultation de votre dossier est enregistrée. Voici qui l’a consulté ou modifié, du plus récent au plus ancien.');
  if (data.readers.length === 0) w.none('Personne n’a encore consulté votre dossier.');
  for (const reader of data.readers) {
    const roles = reader.roles.map((role) => FR.role[role].toLowerCase()).join(', ');
    w.item(`${frenchDateTime(reader.at)} : ${reader.reader.name}${roles ? ` (${roles})` : ''}, ${FR.accessKind[reader.kind].toLowerCase()}`);
  }
}

/** Page numbers and the date of the document at the foot of every page (written once all pages exist). */
function footers(doc: Doc, data: TPersonExport) {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise open a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#555555')
      .text(winAnsi(`Document établi le ${frenchDateTime(data.generatedAt)} — page ${index + 1} sur ${range.count}`), MARGIN, doc.page.height - 36, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The right-of-access export as a readable A4 document in plain French: every section of
 * `buildPersonExport`, with dates in French and Paris time, and page numbers.
 */
export function renderPersonExportPdf(data: TPersonExport): Promise<Buffer> {
  const name = displayName(data.person) || 'la personne';
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'fr-FR',
    info: { Title: winAnsi(`Dossier de ${name}`), Author: winAnsi(data.organization.name), Subject: 'Droit d’accès (RGPD, article 15)', Creator: 'Passerelle' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const w = writer(doc);
  w.title(`Dossier de ${name}`);
  w.paragraph(
    `Ce document rassemble toutes les informations que ${data.organization.name} conserve à votre sujet dans Passerelle, au ${frenchDateTime(data.generatedAt)}. ` +
      'Les notes écrites par les pairs et l’équipe font partie de votre dossier : elles vous sont communiquées, quelle que soit leur visibilité. ' +
      'Vous pouvez demander à tout moment qu’une information soit corrigée ou effacée, ou vous opposer à son utilisation, en vous adressant à l’équipe.',
  );
  identity(w, data);
  consents(w, data);
  requests(w, data);
  accompaniments(w, data);
  recontact(w, data);
  rights(w, data);
  readers(w, data);
  footers(doc, data);
  doc.end();
  return done;
}
