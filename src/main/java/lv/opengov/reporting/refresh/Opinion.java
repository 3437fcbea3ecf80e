package lv.opengov.reporting.refresh;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An opinion received during co-creation, and the reasoned response to it. The email is never published. */
@Entity
@Table(name = "opinion")
public class Opinion {

    /** How an opinion arrived. */
    public enum Channel { WEB, EMAIL, MEETING }

    /** The response OGP's standards ask for. */
    public enum Response { ACCEPTED, PARTLY_ACCEPTED, NOT_ACCEPTED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "opinion_seq")
    @SequenceGenerator(name = "opinion_seq", sequenceName = "opinion_seq", allocationSize = 50)
    private Long id;

    @Column(name = "refresh_id", nullable = false)
    private Long refreshId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Channel channel;

    @Column(length = 200)
    private String author;

    @Column(length = 320)
    private String email;

    @Column(name = "measure_code", length = 32)
    private String measureCode;

    @Column(name = "proposal_title", length = 500)
    private String proposalTitle;

    @Column(nullable = false, length = 5000)
    private String text;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "registered_by", length = 128)
    private String registeredBy;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Response response;

    @Column(name = "response_reason", length = 5000)
    private String responseReason;

    @Column(name = "responded_by", length = 128)
    private String respondedBy;

    @Column(name = "responded_at")
    private Instant respondedAt;

    protected Opinion() {
    }

    Opinion(Long refreshId, Channel channel, String author, String email, String measureCode, String proposalTitle,
            String text, String registeredBy, Instant receivedAt) {
        this.refreshId = refreshId;
        this.channel = channel;
        this.author = author;
        this.email = email;
        this.measureCode = measureCode;
        this.proposalTitle = proposalTitle;
        this.text = text;
        this.registeredBy = registeredBy;
        this.receivedAt = receivedAt;
    }

    void respond(Response response, String reason, String userId, Instant at) {
        this.response = response;
        this.responseReason = reason;
        this.respondedBy = userId;
        this.respondedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getRefreshId() {
        return refreshId;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getAuthor() {
        return author;
    }

    public String getEmail() {
        return email;
    }

    public String getMeasureCode() {
        return measureCode;
    }

    public String getProposalTitle() {
        return proposalTitle;
    }

    public String getText() {
        return text;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public Response getResponse() {
        return response;
    }

    public String getResponseReason() {
        return responseReason;
    }

    public String getRespondedBy() {
        return respondedBy;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }
}
